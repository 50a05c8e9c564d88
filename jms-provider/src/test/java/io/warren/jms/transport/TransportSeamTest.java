package io.warren.jms.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JMS classes reach a broker only through the transport seam: no source file of {@code jms-provider} outside
 * the in-JVM transport names an engine class, by import or fully qualified.
 */
class TransportSeamTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path VM_TRANSPORT = Path.of("src/main/java/io/warren/jms/transport/vm");
    private static final Pattern ENGINE = Pattern.compile("\\bio\\.warren\\.broker\\b");

    @Test
    void onlyTheInJvmTransportUsesTheEngine() throws IOException {
        assertThat(SOURCES).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(VM_TRANSPORT)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = ENGINE.matcher(lines.get(i));
                    if (m.find()) {
                        offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offenders).as("engine references outside the vm transport").isEmpty();
    }

    @Test
    void theInJvmTransportIsWhereTheEngineIsUsed() throws IOException {
        try (Stream<Path> files = Files.list(VM_TRANSPORT)) {
            assertThat(files.anyMatch(f -> {
                try {
                    return ENGINE.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).isTrue();
        }
    }
}
