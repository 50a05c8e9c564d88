package io.warren.broker;

import io.warren.broker.store.Store;
import io.warren.broker.store.journal.SyncPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a {@link Broker} is set up: its name, where durable state lives and how eagerly it is synced.
 * Immutable; build one with {@link #builder(String)}.
 */
public final class BrokerConfig {
    private final String name;
    private final Path dataDirectory;
    private final SyncPolicy syncPolicy;
    private final Supplier<Store> storeFactory;
    private final long maxMemoryBytes;
    private final long memoryWaitMillis;
    private final List<URI> listeners;
    private final boolean jmx;

    private BrokerConfig(Builder b) {
        this.maxMemoryBytes = b.maxMemoryBytes;
        this.memoryWaitMillis = b.memoryWaitMillis;
        this.name = b.name;
        this.dataDirectory = b.dataDirectory;
        this.syncPolicy = b.syncPolicy;
        this.storeFactory = b.storeFactory;
        this.listeners = List.copyOf(b.listeners);
        this.jmx = b.jmx;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** Directory of the on-disk journal, or null for a broker whose durable state lives in memory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public SyncPolicy syncPolicy() {
        return syncPolicy;
    }

    /** A store supplied by the embedding code (tests), or null to use the journal or memory store. */
    public Supplier<Store> storeFactory() {
        return storeFactory;
    }

    /** Heap that queued messages may occupy before producers are slowed down; default half the max heap. */
    public long maxMemoryBytes() {
        return maxMemoryBytes;
    }

    /** How long a publisher waits for memory before it is refused; default 10 s. */
    public long memoryWaitMillis() {
        return memoryWaitMillis;
    }

    /** Network listeners the broker opens when it starts (e.g. {@code amqp://0.0.0.0:5672}); empty by default. */
    public List<URI> listeners() {
        return listeners;
    }

    /**
     * Whether the broker registers its MBeans ({@code io.warren:type=Broker,name=NAME,...}) on the platform
     * MBean server while it runs; default true.
     */
    public boolean jmx() {
        return jmx;
    }

    /** The settings, as a log line shows them. */
    @Override
    public String toString() {
        String store = storeFactory != null ? "custom store"
                : dataDirectory == null ? "in memory" : "journal in " + dataDirectory + " (sync " + syncPolicy + ")";
        return "BrokerConfig[name=" + name + ", " + store + ", maxMemory=" + (maxMemoryBytes >> 20)
                + " MiB, memoryWait=" + memoryWaitMillis + " ms" + (listeners.isEmpty() ? "" : ", listeners=" + listeners)
                + ", jmx=" + jmx + "]";
    }

    /** Builds a {@link BrokerConfig}. */
    public static final class Builder {
        private final String name;
        private Path dataDirectory;
        private SyncPolicy syncPolicy = SyncPolicy.ALWAYS;
        private Supplier<Store> storeFactory;
        private long maxMemoryBytes = Runtime.getRuntime().maxMemory() / 2;
        private long memoryWaitMillis = 10_000;
        private final List<URI> listeners = new ArrayList<>();
        private boolean jmx = true;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw BrokerException.invalidArgument("a broker needs a non-empty name");
            }
            this.name = name;
        }

        public Builder dataDirectory(Path dir) {
            this.dataDirectory = dir;
            return this;
        }

        public Builder syncPolicy(SyncPolicy policy) {
            this.syncPolicy = Objects.requireNonNull(policy, "syncPolicy");
            return this;
        }

        /** Uses the given store instead of the journal (e.g. a shared {@code MemoryStore} in tests). */
        public Builder store(Supplier<Store> factory) {
            this.storeFactory = factory;
            return this;
        }

        /** Heap queued messages may occupy before publishers wait, then are refused. */
        public Builder maxMemory(long bytes) {
            if (bytes <= 0) {
                throw BrokerException.invalidArgument("maxMemory must be positive, was " + bytes);
            }
            this.maxMemoryBytes = bytes;
            return this;
        }

        /** How long a publisher waits for memory before it is refused with RESOURCE_ERROR. */
        public Builder memoryWait(long millis) {
            if (millis < 0) {
                throw BrokerException.invalidArgument("memoryWait must not be negative, was " + millis);
            }
            this.memoryWaitMillis = millis;
            return this;
        }

        /**
         * Adds a network listener the broker opens at start and closes at stop, e.g. {@code amqp://0.0.0.0:5672},
         * {@code amqp://127.0.0.1:0} (any free port) or
         * {@code amqps://0.0.0.0:5671?certfile=server.pem&keyfile=server.key}. The scheme's provider must be on
         * the classpath ({@code io.warren:broker-server} for {@code amqp} and {@code amqps}).
         *
         * @throws BrokerException INVALID_ARGUMENT when the URI has no scheme, host or port
         */
        public Builder listener(String uri) {
            URI u;
            try {
                u = new URI(uri);
            } catch (URISyntaxException | NullPointerException e) {
                throw BrokerException.invalidArgument("listener '" + uri + "' is not a URI: " + e.getMessage());
            }
            if (u.getScheme() == null || u.getHost() == null || u.getPort() < 0) {
                throw BrokerException.invalidArgument("listener '" + uri
                        + "' needs a scheme, host and port, e.g. amqp://0.0.0.0:5672");
            }
            listeners.add(u);
            return this;
        }

        /**
         * Registers the broker's MBeans on the platform MBean server (true, the default) or not. A second
         * running broker of the same name in one JVM skips JMX with a warning.
         */
        public Builder jmx(boolean enabled) {
            this.jmx = enabled;
            return this;
        }

        public BrokerConfig build() {
            return new BrokerConfig(this);
        }
    }
}
