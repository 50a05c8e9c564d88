package io.warren.server.launcher;

import io.warren.broker.Broker;
import io.warren.broker.security.UserStore;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import io.warren.server.WarrenVersion;
import io.warren.server.cli.WarrenCtl;
import io.warren.server.config.ConfigurationLoader;
import io.warren.server.config.InvalidConfigException;
import io.warren.server.config.ListenerAddress;
import io.warren.server.config.ServerConfiguration;
import io.warren.server.management.ManagementServer;
import io.warren.server.management.ManagementSettings;
import io.warren.server.management.api.Listener;
import io.warren.server.metrics.PrometheusEndpoint;
import io.warren.server.metrics.PrometheusMetrics;
import java.net.BindException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running standalone broker: the engine with its virtual hosts, the AMQP listeners and the management HTTP
 * API in front of it. {@link #main} is the program {@code java -jar warren-server.jar} runs; {@link
 * #start(String...)} runs the same thing in-process, for tests and embedding.
 *
 * <pre>{@code
 * try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=0", "--data_dir=/tmp/w")) {
 *     int port = server.amqpPort();
 * }
 * }</pre>
 *
 * <p>Start-up happens on the calling thread and checks the whole configuration (including the TLS files)
 * before it touches the data directory. {@link #close} may be called from any thread, including a shutdown
 * hook, and more than once: it closes the management listener and the AMQP listeners first (connected
 * clients get {@code 320 CONNECTION_FORCED}), then the broker, which flushes and closes its journal.
 */
public final class WarrenServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarrenServer.class);

    /** The first argument that makes {@link #main} run {@link WarrenCtl} instead of a broker. */
    static final String CTL_COMMAND = "ctl";

    private final ServerConfiguration configuration;
    private final Broker broker;
    private final AmqpServer server;
    /** Null when {@code management.enabled = false}. */
    private final ManagementServer management;
    /** Null when {@code prometheus.enabled = false}. */
    private final PrometheusEndpoint prometheus;
    private final PrometheusMetrics metrics;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private WarrenServer(ServerConfiguration configuration, Broker broker, AmqpServer server,
                         ManagementServer management, PrometheusMetrics metrics, PrometheusEndpoint prometheus) {
        this.configuration = configuration;
        this.broker = broker;
        this.server = server;
        this.management = management;
        this.metrics = metrics;
        this.prometheus = prometheus;
    }

    /**
     * Runs the broker until SIGTERM or Ctrl-C; exits with status 1 and a one-line message if the configuration
     * is wrong or a port cannot be bound. See {@code --help}. With {@code ctl} as the first argument it runs
     * {@link WarrenCtl#main} with the remaining arguments instead, so that one jar serves both.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CTL_COMMAND)) {
            WarrenCtl.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        ConsoleLauncher.Outcome outcome = new ConsoleLauncher(System.out, System.err).launch(args);
        if (outcome.server().isEmpty()) {
            System.exit(outcome.exitCode());
            return;
        }
        WarrenServer server = outcome.server().get();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "warren-shutdown"));
        server.awaitClosed();
    }

    /**
     * Starts a broker from command-line arguments ({@code --config=FILE}, {@code --key=value}); reads
     * {@code ./warren.conf} when no {@code --config} is given and that file exists. {@code --help} and
     * {@code --verbose} are ignored here.
     *
     * @throws InvalidConfigException if an argument or the configuration is wrong
     * @throws RuntimeException       if the broker or a listener cannot start (e.g. a port in use)
     */
    public static WarrenServer start(String... args) {
        LaunchOptions options = LaunchOptions.parse(args);
        return start(ConfigurationLoader.load(options.resolveConfigFile(), options.overrides()));
    }

    /** Starts a broker with {@code configuration}; see {@link #start(String...)} for failures. */
    public static WarrenServer start(ServerConfiguration configuration) {
        ServerSettings settings = configuration.serverSettings();
        UserStore users = configuration.userStore();
        // One store: the broker carries it, so in-JVM clients of this broker log in against the same users.
        Broker broker = Broker.start(configuration.brokerConfig(users));
        AmqpServer server;
        try {
            configuration.virtualHosts().forEach(broker::createVirtualHost);
            server = AmqpServer.start(broker, settings, users);
        } catch (Exception e) {
            // Netty rethrows a failed bind as the checked BindException, undeclared; catch it too.
            broker.close();
            throw startFailure(e, listeners(configuration), "is another broker running? change listeners.tcp.default");
        }
        PrometheusMetrics metrics = null;
        PrometheusEndpoint prometheus = null;
        Optional<ListenerAddress> scrape = configuration.prometheusListener();
        try {
            if (scrape.isPresent()) {
                metrics = new PrometheusMetrics(broker);
                prometheus = PrometheusEndpoint.start(metrics, scrape.get().host(), scrape.get().port());
            }
        } catch (Exception e) {
            if (metrics != null) {
                metrics.close();
            }
            server.close();
            broker.close();
            throw startFailure(e, hostForAddress(scrape.get().host()) + ":" + scrape.get().port()
                    + " (Prometheus metrics)", "is another broker or RabbitMQ's Prometheus plugin running? change "
                    + "prometheus.tcp.port or set prometheus.enabled = false");
        }
        ManagementServer management = null;
        Optional<ManagementSettings> managementSettings = managementSettings(configuration);
        try {
            if (managementSettings.isPresent()) {
                List<Listener> more = prometheus == null ? List.of()
                        : List.of(new Listener("http/prometheus", scrape.get().host(), prometheus.port()));
                management = ManagementServer.start(server, users, managementSettings.get(), more);
            }
        } catch (Exception e) {
            if (prometheus != null) {
                prometheus.close();
                metrics.close();
            }
            server.close();
            broker.close();
            ManagementSettings m = managementSettings.get();
            throw startFailure(e, hostForAddress(m.bindAddress()) + ":" + m.port() + " (management HTTP API)",
                    "is another broker or RabbitMQ's management plugin running? change management.tcp.port or "
                    + "set management.enabled = false");
        }
        WarrenServer started = new WarrenServer(configuration, broker, server, management, metrics, prometheus);
        LOG.info("{}", started.startedLine());
        return started;
    }

    private static Optional<ManagementSettings> managementSettings(ServerConfiguration configuration) {
        return configuration.managementListener().map(listener -> ManagementSettings.defaults()
                .withBindAddress(listener.host()).withPort(listener.port()));
    }

    private static RuntimeException startFailure(Exception e, String listeners, String hint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new IllegalStateException("cannot listen on " + listeners + ": " + t.getMessage() + " ("
                        + hint + ")", e);
            }
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
    }

    private static String listeners(ServerConfiguration configuration) {
        List<String> ports = new ArrayList<>();
        configuration.amqpPort().ifPresent(p -> ports.add(configuration.bindAddress() + ":" + p));
        configuration.amqpsPort().ifPresent(p -> ports.add(configuration.bindAddress() + ":" + p + " (amqps)"));
        return String.join(" and ", ports);
    }

    private String startedLine() {
        List<String> listeners = new ArrayList<>();
        String host = hostForAddress(configuration.bindAddress());
        if (server.port() != -1) {
            listeners.add("amqp on " + host + ":" + server.port());
        }
        if (server.tlsPort() != -1) {
            listeners.add("amqps on " + host + ":" + server.tlsPort());
        }
        if (management != null) {
            listeners.add("http on " + hostForAddress(management.settings().bindAddress()) + ":" + management.port());
        }
        if (prometheus != null) {
            listeners.add("prometheus on " + hostForAddress(configuration.prometheusListener().orElseThrow().host())
                    + ":" + prometheus.port());
        }
        return "Warren " + WarrenVersion.get() + " started: " + String.join(", ", listeners) + ", data in "
                + configuration.dataDirectory().toAbsolutePath().normalize();
    }

    /** The bound plain AMQP port, or -1 when that listener is off. */
    public int amqpPort() {
        return server.port();
    }

    /** The bound AMQPS port, or -1 when TLS is off. */
    public int amqpsPort() {
        return server.tlsPort();
    }

    /** The bound Prometheus port, or -1 when {@code prometheus.enabled = false}. */
    public int prometheusPort() {
        return prometheus == null ? -1 : prometheus.port();
    }

    /** The bound management HTTP port, or -1 when {@code management.enabled = false}. */
    public int managementPort() {
        return management == null ? -1 : management.port();
    }

    private static String hostForAddress(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    public Broker broker() {
        return broker;
    }

    public ServerConfiguration configuration() {
        return configuration;
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitClosed() {
        boolean interrupted = false;
        while (true) {
            try {
                closed.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the management HTTP listener, then the AMQP listeners (clients get {@code 320
     * CONNECTION_FORCED}), then the broker. A second call waits for the first to finish.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        LOG.info("Warren stopping: closing client connections and listeners");
        try {
            try {
                if (prometheus != null) {
                    prometheus.close();
                    metrics.close();
                }
                if (management != null) {
                    management.close();
                }
            } finally {
                server.close();
            }
        } finally {
            try {
                broker.close();
                LOG.info("Warren stopped");
            } finally {
                closed.countDown();
            }
        }
    }
}
