package io.warren.broker;

import io.warren.thread.WarrenThreads;
import io.warren.message.Message;
import io.warren.broker.management.jmx.JmxRegistration;
import io.warren.broker.queue.QueueConsumer;
import io.warren.broker.spi.ListenerFactory;
import io.warren.broker.spi.NetworkListener;
import io.warren.broker.paging.PageStore;
import io.warren.broker.paging.PagingPolicy;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.MemoryStore;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.Store;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddable broker: virtual hosts of exchanges, queues and bindings, a store for durable state and a
 * timer for TTLs and delays. Start it, open a {@link ClientConnection} on a {@link VirtualHost}, and drive
 * it through {@link Channel}s.
 *
 * <pre>{@code
 * try (Broker broker = Broker.start(BrokerConfig.builder("local").build())) {
 *     Channel ch = broker.defaultVirtualHost().connect("app").createChannel();
 *     ch.queueDeclare("orders", true, false, false, Map.of());
 *     ch.publish("", "orders", Message.builder().body(bytes).build());
 * }
 * }</pre>
 */
public final class Broker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
    /** Name of the virtual host every broker has. */
    public static final String DEFAULT_VIRTUAL_HOST = "/";
    private static final long STORE_TIMEOUT_SECONDS = 60;

    private final BrokerConfig config;
    private final Map<String, VirtualHost> virtualHosts = new ConcurrentHashMap<>();
    private final BrokerEvents events = new BrokerEvents();
    private final AtomicLong storeIds = new AtomicLong();
    private final ScheduledThreadPoolExecutor scheduler;
    private final Store store;
    private final io.warren.broker.flow.MemoryGuard memory;
    private final PageStore pages;
    private final PagingPolicy paging;
    private final java.util.concurrent.ExecutorService pageReader;
    private volatile boolean running;
    private volatile boolean recovering = true;
    private volatile Instant startedAt;
    /** The broker's MBeans, or null without JMX (switched off, or the name taken by another broker). */
    private volatile JmxRegistration jmx;
    private final List<NetworkListener> listeners =
            new CopyOnWriteArrayList<>();

    private Broker(BrokerConfig config) {
        this.config = config;
        this.scheduler = new ScheduledThreadPoolExecutor(1, WarrenThreads.named("warren-" + config.name() + "-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.store = createStore(config);
        this.memory = new io.warren.broker.flow.MemoryGuard(config.name(), config.maxMemoryBytes(),
                config.memoryWaitMillis(), (long) (config.maxMemoryBytes() * config.pagingWatermark()));
        this.pages = new PageStore(config.name(), config.pagingDirectory(), config.pageFileSize(),
                config.pagingMaxDisk());
        this.pageReader = java.util.concurrent.Executors.newSingleThreadExecutor(
                WarrenThreads.named("warren-" + config.name() + "-page-reader"));
        this.paging = new PagingPolicy(config.paging(), config.queuePagingThreshold(), config.pagingReadAhead(),
                memory, pages, pageReader);
        if (config.paging()) {
            memory.pagingFull(() -> !pages.hasRoom());
        }
    }

    private static Store createStore(BrokerConfig config) {
        if (config.storeFactory() != null) {
            return config.storeFactory().get();
        }
        if (config.dataDirectory() != null) {
            return StoreFactory.journal(config);
        }
        return new MemoryStore();
    }

    /**
     * Creates a broker and starts it: opens the store, recovers durable state, registers its MBeans on the
     * platform MBean server unless {@link BrokerConfig#jmx()} is off, and opens its network listeners.
     */
    public static Broker start(BrokerConfig config) {
        Broker b = new Broker(config);
        b.startInternal();
        if (config.jmx()) {
            b.jmx = JmxRegistration.register(b, ManagementFactory.getPlatformMBeanServer()).orElse(null);
        }
        try {
            b.openListeners();
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    private void startInternal() {
        // Timers (expiry, delay) armed by recovered messages must not fire before recovery is complete: they
        // would dead-letter with store ids that recovered messages still own.
        java.util.concurrent.CountDownLatch recovered = new java.util.concurrent.CountDownLatch(1);
        scheduler.execute(() -> {
            try {
                recovered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        virtualHosts.put(DEFAULT_VIRTUAL_HOST, new VirtualHost(this, DEFAULT_VIRTUAL_HOST));
        long highest;
        try {
            highest = store.open(new Recovery());
            // After the store: its directory lock keeps a second broker from deleting this one's page files.
            pages.discardLeftovers();
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            pageReader.shutdownNow();
            throw e;
        }
        storeIds.set(highest);
        recovering = false;
        virtualHosts.values().forEach(VirtualHost::recoveryDone);
        startedAt = Instant.now();
        running = true;
        recovered.countDown();
        LOG.info("broker '{}' started ({})", config.name(),
                config.dataDirectory() == null ? "memory store" : "data directory " + config.dataDirectory());
    }

    private void openListeners() {
        for (URI uri : config.listeners()) {
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            ListenerFactory factory = null;
            for (ListenerFactory f : ServiceLoader.load(ListenerFactory.class)) {
                if (f.supports(scheme)) {
                    factory = f;
                    break;
                }
            }
            if (factory == null) {
                throw BrokerException.invalidArgument("no provider for listener scheme '" + scheme + "' ("
                        + uri + "): add io.warren:broker-server to the classpath for amqp and amqps");
            }
            listeners.add(factory.open(this, uri));
        }
    }

    /** Addresses of the network listeners this broker opened, with their bound ports. */
    public List<URI> listenerAddresses() {
        List<URI> out = new ArrayList<>();
        for (NetworkListener l : listeners) {
            out.add(l.address());
        }
        return out;
    }

    public String name() {
        return config.name();
    }

    public BrokerConfig config() {
        return config;
    }

    public boolean isRunning() {
        return running;
    }

    /** When the broker finished recovery and started serving. */
    public Instant startedAt() {
        return startedAt;
    }

    /** True while the store replays durable state into the virtual hosts. */
    boolean isRecovering() {
        return recovering;
    }

    void checkRunning() {
        if (!running) {
            throw BrokerException.illegalState("broker '" + config.name() + "' is stopped");
        }
    }

    public VirtualHost defaultVirtualHost() {
        return virtualHost(DEFAULT_VIRTUAL_HOST);
    }

    /** The named virtual host; fails with {@code NOT_FOUND} when there is none. */
    public VirtualHost virtualHost(String name) {
        VirtualHost vh = virtualHosts.get(name);
        if (vh == null) {
            throw BrokerException.notFound("virtual host '" + name + "'");
        }
        return vh;
    }

    /** Creates a virtual host, or returns the existing one of that name. */
    public VirtualHost createVirtualHost(String name) {
        Names.check("virtual host", name);
        VirtualHost[] created = new VirtualHost[1];
        VirtualHost vh = virtualHosts.computeIfAbsent(name, n -> created[0] = new VirtualHost(this, n));
        if (created[0] != null) {
            events.fire(l -> l.virtualHostAdded(name));
        }
        return vh;
    }

    /**
     * Deletes a virtual host with everything in it, as RabbitMQ does: its connections are closed (they learn
     * why), its queues with their messages and its exchanges are deleted, durable ones from the store too.
     *
     * @throws BrokerException {@code NOT_FOUND} when there is no such virtual host; {@code ACCESS_REFUSED} for
     *     the default virtual host {@code /}, which in-JVM clients rely on
     */
    public void deleteVirtualHost(String name) {
        checkRunning();
        if (DEFAULT_VIRTUAL_HOST.equals(name)) {
            throw new BrokerException(ErrorCode.ACCESS_REFUSED, "the default virtual host '/' cannot be deleted");
        }
        VirtualHost vh = virtualHost(name);
        vh.deleteEverything("virtual host '" + name + "' was deleted");
        if (virtualHosts.remove(name, vh)) {
            events.fire(l -> l.virtualHostRemoved(name));
        }
    }

    public Set<String> virtualHostNames() {
        return new TreeSet<>(virtualHosts.keySet());
    }

    Store store() {
        return store;
    }

    /** What the store wrote so far (all zero for a non-persistent broker). */
    public io.warren.broker.store.StoreStatistics storeStatistics() {
        return store.statistics();
    }

    /** Registers an observer of the store's syncs and compactions (never called by a non-persistent broker). */
    public void addStoreObserver(io.warren.broker.store.StoreObserver observer) {
        store.addObserver(observer);
    }

    /** Starts telling {@code listener} about virtual hosts, exchanges, queues and connections that come and go. */
    public void addEventListener(io.warren.broker.management.BrokerEventListener listener) {
        events.add(listener);
    }

    public void removeEventListener(io.warren.broker.management.BrokerEventListener listener) {
        events.remove(listener);
    }

    BrokerEvents events() {
        return events;
    }

    /** Every open client connection, of every virtual host. */
    public List<ClientConnection> connections() {
        List<ClientConnection> out = new ArrayList<>();
        for (VirtualHost vh : virtualHosts.values()) {
            out.addAll(vh.connections());
        }
        return out;
    }

    /** The open connection with this {@link ClientConnection#id() id}, if any. */
    public java.util.Optional<ClientConnection> connection(String id) {
        for (VirtualHost vh : virtualHosts.values()) {
            for (ClientConnection c : vh.connections()) {
                if (c.id().equals(id)) {
                    return java.util.Optional.of(c);
                }
            }
        }
        return java.util.Optional.empty();
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Accounting of the heap held by queued messages (producer flow control). */
    public io.warren.broker.flow.MemoryGuard memory() {
        return memory;
    }

    /** The files holding the content of paged messages that no store keeps. */
    public PageStore pageStore() {
        return pages;
    }

    /** When and where queues page deep backlogs. */
    PagingPolicy paging() {
        return paging;
    }

    /**
     * Whether persistent messages are written to the store. Not for the broker's own memory store: it could only
     * give them back to this broker, which holds them anyway, and keeping them there would keep paged messages'
     * bodies on the heap. A memory store handed in by the embedding code (to restart a broker on it) gets them.
     */
    boolean storesMessages() {
        return store.isDurable() || config.storeFactory() != null;
    }

    long nextStoreId() {
        return storeIds.incrementAndGet();
    }

    void notifyCancelled(QueueConsumer consumer) {
        consumer.targetCancelled();
    }

    /** Stops timers and closes the store. Durable state is kept for the next start. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        JmxRegistration j = jmx;
        if (j != null) {
            jmx = null;
            j.close();
        }
        for (NetworkListener l : listeners) {
            l.close();
        }
        listeners.clear();
        running = false;
        String reason = "broker '" + config.name() + "' stopped";
        for (VirtualHost vh : virtualHosts.values()) {
            vh.closeConnections(reason);
        }
        scheduler.shutdownNow();
        stopPageReader();
        store.close();
        pages.close();
        LOG.info("broker '{}' stopped", config.name());
    }

    /**
     * Stops the page reader and waits for a read-ahead it is running, which reads from the store and the page
     * files: closing them under it would fail the read, and a read of the store after close is a read of a store
     * that the next broker on the same data may already own.
     */
    private void stopPageReader() {
        pageReader.shutdownNow();
        try {
            if (!pageReader.awaitTermination(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("broker '{}': a page read did not finish within {} s of stopping", config.name(),
                        STORE_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a store write, turning failures into {@link BrokerException}s. */
    static void await(CompletableFuture<?> written) {
        try {
            written.get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(ErrorCode.STORE_ERROR, "interrupted while waiting for the store", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BrokerException be) {
                throw be;
            }
            throw new BrokerException(ErrorCode.STORE_ERROR, "store write failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new BrokerException(ErrorCode.STORE_ERROR, "store did not complete a write within "
                    + STORE_TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Rebuilds virtual hosts from what the store replays. */
    private final class Recovery implements RecoveryHandler {
        @Override
        public void exchange(ExchangeRecord exchange) {
            createVirtualHost(exchange.virtualHost()).recoverExchange(exchange);
        }

        @Override
        public void queue(QueueRecord queue) {
            createVirtualHost(queue.virtualHost()).recoverQueue(queue);
        }

        @Override
        public void binding(BindingRecord binding) {
            createVirtualHost(binding.virtualHost()).recoverBinding(binding);
        }

        @Override
        public void message(String virtualHost, String queue, long messageId, Message message, int deliveryCount) {
            message(virtualHost, queue, messageId, message, deliveryCount, System.currentTimeMillis());
        }

        @Override
        public void message(String virtualHost, String queue, long messageId, Message message, int deliveryCount,
                            long enqueuedAt) {
            createVirtualHost(virtualHost).recoverMessage(queue, messageId, message, deliveryCount, enqueuedAt);
        }

        @Override
        public void message(String virtualHost, String queue, MessageSummary summary, int deliveryCount,
                            long enqueuedAt) {
            createVirtualHost(virtualHost).recoverMessage(queue, summary, deliveryCount, enqueuedAt);
        }

        @Override
        public void preparedTransaction(io.warren.broker.store.StoreOperation.TransactionPrepared transaction) {
            createVirtualHost(transaction.virtualHost()).recoverPreparedTransaction(transaction);
        }
    }

    @Override
    public String toString() {
        return "broker '" + config.name() + "'";
    }
}
