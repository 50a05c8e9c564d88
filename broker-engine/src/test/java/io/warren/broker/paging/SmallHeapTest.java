package io.warren.broker.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker in a 64 MiB heap fed transacted batches faster than anyone consumes: paged or refused, never out of heap. */
class SmallHeapTest {
    @TempDir
    Path dir;

    private static String runChild(String dataDirectory, int batches) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SmallHeapTransactedFill.class.getName(), dataDirectory, String.valueOf(batches)))
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        return String.join("; ", text.lines().filter(l -> l.matches("(FILLED|REFUSED|OOM) .*|RESUMED")).toList());
    }

    @Test
    void anInMemoryBrokerPagesABacklogLargerThanItsHeap() throws Exception {
        assertThat(runChild("-", 100)).isEqualTo("FILLED 100000");
    }

    @Test
    void aJournalBrokerPagesABacklogLargerThanItsHeap() throws Exception {
        // The journal keeps no bodies on the heap, so persistent messages page like the in-memory broker's.
        assertThat(runChild(dir.toString(), 100)).isEqualTo("FILLED 100000");
    }
}
