package io.warren.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleLauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ConsoleLauncher launcher = new ConsoleLauncher(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitsWithZero() {
        ConsoleLauncher.Outcome outcome = launcher.launch("--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.server()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar warren-server.jar");
    }

    @Test
    void aBadConfigLineIsOneErrorLineAndExitCodeOne() throws Exception {
        Path conf = Files.writeString(dir.resolve("warren.conf"), "# ok\nheartbeat = soon\n");

        ConsoleLauncher.Outcome outcome = launcher.launch("--config=" + conf);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.server()).isEmpty();
        assertThat(err()).isEqualTo("warren: configuration error: " + conf + ":2: heartbeat: expected whole seconds "
                + "0..65535, got 'soon'" + System.lineSeparator());
    }

    @Test
    void verboseAddsTheStackTrace() {
        ConsoleLauncher.Outcome outcome = launcher.launch("--verbose", "--heartbeat=soon");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(err()).startsWith("warren: configuration error: command line: heartbeat:")
                .contains("at io.warren.server.config.");
    }

    @Test
    void aPortInUseIsOneErrorLineAndExitCodeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();

            ConsoleLauncher.Outcome outcome = launcher.launch("--listeners.tcp.default=" + port,
                    "--management.tcp.port=0", "--prometheus.tcp.port=0", "--data_dir=" + dir.resolve("data"));

            outcome.server().ifPresent(WarrenServer::close);
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(err()).startsWith("warren: cannot start: cannot listen on 0.0.0.0:" + port + ": ")
                    .hasLineCount(1);
        }
    }

    @Test
    void aGoodCommandLineStartsTheServer() {
        ConsoleLauncher.Outcome outcome = launcher.launch("--listeners.tcp.default=127.0.0.1:0",
                "--management.tcp.port=0", "--prometheus.tcp.port=0", "--data_dir=" + dir.resolve("data"));
        try {
            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.server()).hasValueSatisfying(s -> assertThat(s.amqpPort()).isPositive());
            assertThat(err()).isEmpty();
        } finally {
            outcome.server().ifPresent(WarrenServer::close);
        }
    }
}
