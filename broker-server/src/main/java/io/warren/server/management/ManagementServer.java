package io.warren.server.management;

import io.warren.broker.Broker;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.UserStore;
import io.warren.server.AmqpServer;
import io.warren.server.flow.ResourceAlarms;
import io.warren.server.management.api.ApiResources;
import io.warren.server.management.api.Listener;
import io.warren.server.management.api.ManagementContext;
import io.warren.server.management.http.ApiJson;
import io.warren.server.management.http.HttpConnectionHandler;
import io.warren.server.management.http.HttpListener;
import io.warren.server.management.http.HttpService;
import io.warren.server.management.stats.RateSampler;
import io.warren.server.threads.NettyThreadFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP API and web console of a broker, RabbitMQ's management plugin in shape: an HTTP/1.1
 * listener with keep-alive, answering {@code /api/...} as JSON and every other path from the console's files.
 *
 * <pre>{@code
 * try (Broker broker = Broker.start(BrokerConfig.builder("b").build());
 *      ManagementServer management = ManagementServer.start(broker, UserStore.withDefaultGuest(),
 *              ManagementSettings.ephemeral())) {
 *     URI console = management.uri();
 * }
 * }</pre>
 *
 * <p>Threads: one acceptor and two I/O event loops of its own, and a small executor (four threads, queue of
 * {@value #QUEUED_REQUESTS}) where requests are authenticated and answered, since password checks and engine
 * calls may block. Requests beyond the queue get 503. Bodies may be up to {@value #MAX_BODY_BYTES} bytes (a
 * definitions import); larger ones get 413. Connections idle for {@value #IDLE_SECONDS} s are closed.
 *
 * <p>{@link #close} stops the listener, open connections and threads; the broker stays up and is closed by
 * its owner, after this server.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    /** The largest request body accepted, 64 MiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /** The classpath folder of the console's files. */
    public static final String CONSOLE_FOLDER = "io/warren/server/management/console/";
    static final int IDLE_SECONDS = 120;
    static final int QUEUED_REQUESTS = 256;
    private static final int HANDLER_THREADS = 4;

    private final ManagementSettings settings;
    private final ThreadPoolExecutor executor;
    private final ResourceAlarms ownAlarms;
    private final HttpService service;
    private final RateSampler rates;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HttpListener listener;

    private ManagementServer(Broker broker, UserStore users, ManagementSettings settings, ResourceAlarms alarms,
                             boolean ownsAlarms, Supplier<List<Listener>> otherListeners) {
        this.settings = settings;
        this.ownAlarms = ownsAlarms ? alarms : null;
        Supplier<List<Listener>> listeners = () -> {
            List<Listener> all = new ArrayList<>(otherListeners.get());
            all.add(new Listener("http", settings.bindAddress(), port()));
            return all;
        };
        this.rates = new RateSampler(broker, System::nanoTime);
        ManagementContext context = new ManagementContext(broker, users, new AccessControl(users),
                ApiJson.newMapper(), alarms, listeners, rates);
        this.service = new HttpService(ApiResources.routes(context), users, context.mapper(),
                ManagementServer.class.getClassLoader(), CONSOLE_FOLDER);
        // Threads last, so a failure above leaves none behind.
        this.executor = new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), new NettyThreadFactory("warren-management"));
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Serves {@code broker} with the users of {@code users}. The overview lists the broker's own listeners
     * ({@code Broker.listenerAddresses()}); alarms are the memory alarm only.
     *
     * @throws IllegalStateException if the port cannot be bound (everything started is released)
     */
    public static ManagementServer start(Broker broker, UserStore users, ManagementSettings settings) {
        ResourceAlarms alarms = new ResourceAlarms(broker.memory(), (LongSupplier) null, 0);
        ManagementServer server;
        try {
            server = new ManagementServer(broker, users, settings, alarms, true, () -> brokerListeners(broker));
        } catch (RuntimeException e) {
            alarms.close();
            throw e;
        }
        return start(server);
    }

    /**
     * Serves the broker behind {@code amqp}, with its listeners in the overview and its memory and disk
     * alarms in the health check. {@code users} should be the store the AMQP server checks logins against.
     *
     * @throws IllegalStateException if the port cannot be bound (everything started is released)
     */
    public static ManagementServer start(AmqpServer amqp, UserStore users, ManagementSettings settings) {
        return start(amqp, users, settings, List.of());
    }

    /**
     * As {@link #start(AmqpServer, UserStore, ManagementSettings)}, with more listeners of the node for the
     * overview (the Prometheus endpoint, say).
     */
    public static ManagementServer start(AmqpServer amqp, UserStore users, ManagementSettings settings,
                                         List<Listener> moreListeners) {
        Broker broker = amqp.broker();
        Supplier<List<Listener>> listeners = () -> {
            List<Listener> all = new ArrayList<>();
            if (amqp.port() != -1) {
                all.add(new Listener("amqp", amqp.bindAddress(), amqp.port()));
            }
            if (amqp.tlsPort() != -1) {
                all.add(new Listener("amqp/ssl", amqp.bindAddress(), amqp.tlsPort()));
            }
            all.addAll(brokerListeners(broker));
            all.addAll(moreListeners);
            return all;
        };
        return start(new ManagementServer(broker, users, settings, amqp.alarms(), false, listeners));
    }

    private static ManagementServer start(ManagementServer server) {
        try {
            server.bind();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.rates.startSampling(server.settings.statisticsInterval());
        LOG.info("management HTTP API and console on {}", server.uri());
        return server;
    }

    private void bind() {
        listener = HttpListener.bind("http", settings.bindAddress(), settings.port(), MAX_BODY_BYTES, IDLE_SECONDS, 2,
                () -> new HttpConnectionHandler(service, executor));
    }

    private static List<Listener> brokerListeners(Broker broker) {
        List<Listener> listeners = new ArrayList<>();
        for (URI uri : broker.listenerAddresses()) {
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            listeners.add(new Listener(scheme.equals("amqps") ? "amqp/ssl" : scheme, host, uri.getPort()));
        }
        return listeners;
    }

    /** The bound port (useful with port 0), or -1 before binding and after closing. */
    public int port() {
        HttpListener bound = listener;
        return bound == null ? -1 : bound.port();
    }

    /** Where the console is, e.g. {@code http://127.0.0.1:15672/}. */
    public URI uri() {
        return URI.create("http://" + (settings.bindAddress().contains(":") ? "[" + settings.bindAddress() + "]"
                : settings.bindAddress()) + ":" + port() + "/");
    }

    public ManagementSettings settings() {
        return settings;
    }

    /** Stops accepting, closes open connections, and stops the threads; requests in progress are abandoned. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        HttpListener bound = listener;
        if (bound != null) {
            bound.close();
        }
        executor.shutdownNow();
        rates.close();
        if (ownAlarms != null) {
            ownAlarms.close();
        }
    }
}
