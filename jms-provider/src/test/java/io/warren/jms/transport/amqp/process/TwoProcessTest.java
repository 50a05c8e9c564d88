package io.warren.jms.transport.amqp.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.server.launcher.WarrenServer;
import jakarta.jms.InvalidClientIDException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMS between processes: the standalone server in one JVM, a producer in a second and a consumer in a third,
 * as applications deploy it. The consumer's client ID is held by the server for all of them.
 */
class TwoProcessTest {
    private static final int COUNT = 2_000;
    private static final String QUEUE = "two-process";

    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void stopAll() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }

    @Test
    void aProducerAndAConsumerInTheirOwnJvmsMeetThroughTheServerInAThird() throws Exception {
        int port = freePort();
        // Management on any free port, so a broker or RabbitMQ already on 15672 cannot stop this one.
        Process server = start(WarrenServer.class, "--listeners.tcp.default=" + port, "--management.tcp.port=0", "--prometheus.tcp.port=0",
                "--data_dir=" + dataDir);
        server.getInputStream().close(); // its log goes to stderr
        await().atMost(Duration.ofSeconds(60)).until(() -> accepts(port));
        String url = "amqp://guest:guest@127.0.0.1:" + port;

        Process consumer = start(ConsumerMain.class, url, QUEUE, Integer.toString(COUNT), "two-process-consumer");
        BufferedReader consumerOut = reader(consumer);
        assertThat(line(consumerOut)).isEqualTo("READY");
        WarrenConnectionFactory sameId = new WarrenConnectionFactory(url);
        sameId.setClientID("two-process-consumer");
        assertThatThrownBy(sameId::createConnection).isInstanceOf(InvalidClientIDException.class);

        Process producer = start(ProducerMain.class, url, QUEUE, Integer.toString(COUNT));
        assertThat(line(reader(producer))).isEqualTo("SENT " + COUNT);
        assertThat(producer.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(line(consumerOut)).isEqualTo("RECEIVED " + COUNT + " ORDERED true");
        assertThat(consumer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(consumer.exitValue()).isZero();
        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private Process start(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(p);
        return p;
    }

    /** The child's next line of output, waiting at most a minute (a hung child fails the test, never blocks it). */
    private static String line(BufferedReader in) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return s.isConnected();
        } catch (Exception e) {
            return false;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
