package io.warren.broker;

import io.warren.broker.security.UserStore;
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
    private final boolean paging;
    private final double pagingWatermark;
    private final long queuePagingThreshold;
    private final long pagingMaxDisk;
    private final long pageFileSize;
    private final int pagingReadAhead;
    private final UserStore users;

    private BrokerConfig(Builder b) {
        this.users = b.users;
        this.paging = b.paging;
        this.pagingWatermark = b.pagingWatermark;
        this.queuePagingThreshold = b.queuePagingThreshold >= 0 ? b.queuePagingThreshold
                : Math.min(64L << 20, b.maxMemoryBytes / 8);
        this.pagingMaxDisk = b.pagingMaxDisk;
        this.pageFileSize = b.pageFileSize;
        this.pagingReadAhead = b.pagingReadAhead;
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

    /**
     * Whether queues keep deep backlogs on disk instead of the heap (see {@link #queuePagingThreshold()} and
     * {@link #pagingWatermark()}); default true.
     */
    public boolean paging() {
        return paging;
    }

    /**
     * Fraction of {@link #maxMemoryBytes()} past which every queue holding more than 1/64 of it in memory pages
     * its new arrivals; default 0.5.
     */
    public double pagingWatermark() {
        return pagingWatermark;
    }

    /**
     * Heap one queue's messages may occupy before its new arrivals are paged whatever the broker's memory use;
     * default the smaller of 64 MiB and an eighth of {@link #maxMemoryBytes()}.
     */
    public long queuePagingThreshold() {
        return queuePagingThreshold;
    }

    /**
     * Bytes the page files (content of paged messages no store keeps) may occupy before queues stop paging to
     * them, so memory fills and producers are blocked; negative (the default) for half the space free on the
     * paging directory's file system when the broker first pages.
     */
    public long pagingMaxDisk() {
        return pagingMaxDisk;
    }

    /** Size after which a new page file is started; default 16 MiB. */
    public long pageFileSize() {
        return pageFileSize;
    }

    /** Messages of one priority level paged back in at once when consumers reach the paged part; default 256. */
    public int pagingReadAhead() {
        return pagingReadAhead;
    }

    /**
     * Where page files go: {@code <dataDirectory>/paging}, or null for a temporary directory deleted when the
     * broker stops.
     */
    public Path pagingDirectory() {
        return dataDirectory == null ? null : dataDirectory.resolve("paging");
    }

    /**
     * The users clients of this broker log in as, or null for a broker open to every client whatever
     * credentials it gives (the default). The store is shared, not copied: users added to or removed from it
     * later count from the next login. In-JVM ({@code vm://}) connections check their credentials against it
     * with {@link UserStore#checkLogin}; an AMQP server running this broker checks its SASL logins against the
     * same object. A store with no users in it refuses everyone.
     */
    public UserStore users() {
        return users;
    }

    /** The settings, as a log line shows them (user names at most, never passwords or hashes). */
    @Override
    public String toString() {
        String store = storeFactory != null ? "custom store"
                : dataDirectory == null ? "in memory" : "journal in " + dataDirectory + " (sync " + syncPolicy + ")";
        return "BrokerConfig[name=" + name + ", " + store + ", maxMemory=" + (maxMemoryBytes >> 20)
                + " MiB, memoryWait=" + memoryWaitMillis + " ms" + (listeners.isEmpty() ? "" : ", listeners=" + listeners)
                + ", jmx=" + jmx + ", paging=" + (paging ? "above " + (queuePagingThreshold >> 10) + " KiB per queue or "
                + Math.round(pagingWatermark * 100) + "% of maxMemory" : "off")
                + (users == null ? "" : ", users=" + users.users().size()) + "]";
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
        private boolean paging = true;
        private double pagingWatermark = 0.5;
        private long queuePagingThreshold = -1;
        private long pagingMaxDisk = -1;
        private long pageFileSize = 16L << 20;
        private int pagingReadAhead = 256;
        private UserStore users;

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

        /** Switches paging of deep queues on (the default) or off. */
        public Builder paging(boolean enabled) {
            this.paging = enabled;
            return this;
        }

        /** Fraction of maxMemory (above 0, at most 1) past which deep queues page new arrivals. */
        public Builder pagingWatermark(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw BrokerException.invalidArgument("pagingWatermark must be in (0, 1], was " + fraction);
            }
            this.pagingWatermark = fraction;
            return this;
        }

        /** Heap one queue's messages may occupy before its new arrivals are paged. */
        public Builder queuePagingThreshold(long bytes) {
            if (bytes < 0) {
                throw BrokerException.invalidArgument("queuePagingThreshold must not be negative, was " + bytes);
            }
            this.queuePagingThreshold = bytes;
            return this;
        }

        /** Bytes page files may occupy; negative for half the free space. */
        public Builder pagingMaxDisk(long bytes) {
            this.pagingMaxDisk = bytes;
            return this;
        }

        /** Size after which a new page file is started. */
        public Builder pageFileSize(long bytes) {
            if (bytes < 1024 || bytes > Integer.MAX_VALUE) {
                throw BrokerException.invalidArgument("pageFileSize must be between 1 KiB and 2 GiB, was " + bytes);
            }
            this.pageFileSize = bytes;
            return this;
        }

        /** Messages of one priority level paged back in at once. */
        public Builder pagingReadAhead(int messages) {
            if (messages < 1) {
                throw BrokerException.invalidArgument("pagingReadAhead must be positive, was " + messages);
            }
            this.pagingReadAhead = messages;
            return this;
        }

        /**
         * Makes clients log in as one of {@code users} (see {@link BrokerConfig#users()}); null, the default,
         * leaves the broker open to every client.
         */
        public Builder users(UserStore users) {
            this.users = users;
            return this;
        }

        public BrokerConfig build() {
            return new BrokerConfig(this);
        }
    }
}
