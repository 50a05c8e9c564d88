package io.warren.benchmarks.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.benchmarks.LatencySummary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacklogResultTest {
    @TempDir
    Path dir;

    @Test
    void aResultWrittenByTheChildReadsBackTheSameInTheParent() throws Exception {
        BacklogResult r = new BacklogResult("warren", PagingCase.P1, 1_000, 600, "refused after 600 messages: full",
                12_345.5, 1_900.25, Double.NaN, 420.0, 3.5, 50_000, 600, 2, new LatencySummary(599, 1, 2, 3, 4),
                new LatencySummary(2, 10, 20, 30, 40), null);
        Path file = dir.resolve("r.properties");
        r.write(file);
        assertThat(BacklogResult.read(file)).isEqualTo(r);
    }
}
