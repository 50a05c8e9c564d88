package io.warren.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.server.config.ConfigurationLoader;
import io.warren.server.config.ServerConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server archive as a user meets it: unpacked with {@code tar}, started with {@code bin/warren-server} on free
 * loopback ports, managed with {@code bin/warren-ctl}, stopped with SIGTERM. Runs in {@code mvn verify} after
 * {@code package} has built {@code target/warren-VERSION.tar.gz}.
 */
class DistributionArchiveIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** What a JVM stopped by SIGTERM exits with (128 + 15). */
    private static final int EXIT_ON_SIGTERM = 143;
    /** Small and quick to start: the test needs no throughput. */
    private static final String JAVA_OPTS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /** A commented-out setting of conf/warren.conf: group 1 the setting, group 2 its key. */
    private static final Pattern SETTING = Pattern.compile("# ?(([a-z][A-Za-z0-9_./]*)\\s*=.*)");
    /** Keys whose sample values need files or users of one's own. */
    private static final Pattern NEEDS_MORE =
            Pattern.compile("ssl_options\\.|listeners\\.ssl|listeners\\.tcp$|users\\.app\\.|permissions\\.app\\.");

    @TempDir
    Path directory;

    private UnpackedArchive archive;

    @BeforeEach
    void unpack() throws Exception {
        archive = UnpackedArchive.unpack(Path.of(System.getProperty("warren.archive")), directory,
                System.getProperty("warren.version"));
    }

    @Test
    void archiveHoldsScriptsSampleConfigurationAndTheServersRuntimeJars() throws IOException {
        Path home = archive.home();
        assertThat(home.resolve("bin/warren-server")).isExecutable();
        assertThat(home.resolve("bin/warren-ctl")).isExecutable()
                .hasSameTextualContentAs(Path.of("..", "scripts", "warren-ctl"));
        assertThat(home.resolve("conf/warren.conf")).isRegularFile();
        assertThat(home.resolve("conf/logback.xml")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("LICENSE")).isRegularFile();
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> jars = lib.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(jars).anyMatch(name -> name.startsWith("broker-server-"))
                    .anyMatch(name -> name.startsWith("broker-engine-"))
                    .anyMatch(name -> name.startsWith("netty-"))
                    .anyMatch(name -> name.startsWith("logback-classic-"))
                    .as("the shaded jar is not shipped: lib/ is the class path").doesNotContain("warren-server.jar")
                    .as("test-only libraries stay out").noneMatch(name -> name.startsWith("junit-")
                            || name.startsWith("slf4j-simple-") || name.startsWith("amqp-client-"));
        }
    }

    @Test
    void serverStartsFromTheArchiveAnswersWarrenCtlAndStopsCleanlyOnSigterm() throws Exception {
        int[] ports = freePorts(3);
        List<String> args = List.of("--listeners.tcp.default=127.0.0.1:" + ports[0],
                "--management.tcp.port=" + ports[1], "--prometheus.tcp.port=" + ports[2]);
        try (ServerProcess server = ServerProcess.start(archive, args, JAVA_OPTS, directory.resolve("server.out"))) {
            String started = server.awaitLine(" started: ", START_TIMEOUT)
                    .orElseThrow(() -> new AssertionError("no 'started' line:\n" + server.output()));
            assertThat(started).contains("amqp on 127.0.0.1:" + ports[0])
                    .contains("http on 127.0.0.1:" + ports[1])
                    .contains("prometheus on 127.0.0.1:" + ports[2])
                    .as("data go to $WARREN_HOME/data").endsWith("data in " + archive.home().resolve("data"));

            UnpackedArchive.Result vhosts = archive.run("warren-ctl", "--url=http://127.0.0.1:" + ports[1],
                    "--format=tsv", "list", "vhosts");
            assertThat(vhosts.exitCode()).as("warren-ctl list vhosts:\n" + vhosts.output()).isZero();
            assertThat(vhosts.output().lines()).as(vhosts.output()).anyMatch(line -> line.startsWith("/"));

            assertThat(server.terminate(STOP_TIMEOUT)).as(server.output()).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(server.output()).contains("Warren stopping").contains("Warren stopped");
        }
        assertThat(archive.home().resolve("data/lock")).as("the journal's lock file").exists();
        assertThat(archive.home().resolve("log/warren.log")).as("conf/logback.xml's file appender")
                .content().contains(" started: ").contains("Warren stopped");
    }

    @Test
    void everySettingTheSampleConfigurationShowsIsAcceptedWhenUncommented() throws IOException {
        String shipped = Files.readString(archive.home().resolve("conf/warren.conf"));
        assertThat(ConfigurationLoader.parse("conf/warren.conf", shipped).amqpPort()).as("as shipped: defaults")
                .hasValue(5672);

        String uncommented = shipped.lines().map(DistributionArchiveIT::uncommentSetting)
                .collect(Collectors.joining("\n"));
        ServerConfiguration all = ConfigurationLoader.parse("conf/warren.conf, uncommented", uncommented);
        assertThat(all.amqpPort()).hasValue(5672);
        assertThat(uncommented).as("settings uncommented").contains("\nheartbeat").contains("\njournal.sync");
    }

    /**
     * {@code # key = value} without its {@code #}, except for the settings that need files or users of one's own
     * (TLS, turning the plain listener off, the example user {@code app} with a placeholder hash).
     */
    private static String uncommentSetting(String line) {
        Matcher setting = SETTING.matcher(line);
        if (!setting.matches() || NEEDS_MORE.matcher(setting.group(2)).lookingAt()) {
            return line;
        }
        return setting.group(1);
    }

    @Test
    void warrenCtlSaysSoWhenNoServerAnswers() throws Exception {
        int port = freePorts(1)[0];
        UnpackedArchive.Result result = archive.run("warren-ctl", "--url=http://127.0.0.1:" + port, "overview");
        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    }

    @Test
    void warrenCtlPrintsTheVersionOfTheJarsInLib() throws Exception {
        UnpackedArchive.Result result = archive.run("warren-ctl", "--version");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().strip()).isEqualTo("warren-ctl " + System.getProperty("warren.version"));
    }

    /** Ports free on the loopback interface just now (closed again, so the server can bind them). */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
