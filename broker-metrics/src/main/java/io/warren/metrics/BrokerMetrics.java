package io.warren.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.warren.broker.Broker;
import io.warren.broker.management.BrokerEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * Publishes a broker's state to a Micrometer registry, with names modelled on RabbitMQ's Prometheus plugin
 * (the Prometheus registry renders {@code warren.queue.messages.ready} as {@code warren_queue_messages_ready}):
 *
 * <ul>
 *   <li>per queue, tagged {@code vhost} and {@code queue}: gauges {@code warren.queue.messages.ready},
 *       {@code .messages.unacked}, {@code .messages.ready.bytes}, {@code .consumers}; function counters
 *       {@code warren.queue.messages.published}, {@code .delivered}, {@code .redelivered}, {@code .acknowledged},
 *       {@code .dead.lettered}, {@code .discarded}. Meters appear when a queue is declared and go when it is
 *       deleted; a queue deleted and declared again starts its counters from zero.</li>
 *   <li>over all queues, untagged: gauges {@code warren.messages.ready}, {@code .unacked}, {@code .ready.bytes}
 *       and function counters {@code warren.messages.published} etc. A deleted queue's counts stay in these
 *       sums as they were last sampled, so the sums never fall (a fall would read as a counter reset in
 *       Prometheus); what the queue did after its last sample (at most {@code statisticsMaxAge} before its
 *       deletion) is not counted. The per-queue counters, like RabbitMQ's, leave with their queue.</li>
 *   <li>per virtual host, tagged {@code vhost}: {@code warren.queues}, {@code warren.exchanges},
 *       {@code warren.connections}, {@code warren.channels}, {@code warren.consumers}.</li>
 *   <li>memory guard: {@code warren.memory.used.bytes}, {@code .limit.bytes}, {@code .alarm},
 *       {@code .blocked.publishers}.</li>
 *   <li>journal: {@code warren.journal.bytes.written}, {@code .batches}, {@code .syncs}, {@code .compactions},
 *       {@code warren.journal.size.bytes}, and timers {@code warren.journal.sync} and
 *       {@code warren.journal.compaction} with percentile histograms.</li>
 * </ul>
 *
 * <p>Queue meters read {@link io.warren.broker.queue.QueueStatistics} snapshots, which take the queue's lock;
 * one snapshot serves all of a queue's meters, and the sums, for {@code statisticsMaxAge} (1 s by default), so a
 * scrape locks each queue once. Meters do not hold queues: a deleted queue's gauges read {@code NaN} until its
 * meters are removed. Common tags (a broker name, say) are the registry's business, as are JVM meters
 * (Micrometer's own binders).
 *
 * <p>Bind to one registry (a {@code CompositeMeterRegistry} to publish to several); {@link #close()} removes
 * the meters and stops following the broker. Thread-safe: the broker's events may arrive on any thread while
 * binding or closing.
 */
public final class BrokerMetrics implements MeterBinder, AutoCloseable {
    /** How long one queue snapshot serves by default. */
    public static final Duration DEFAULT_STATISTICS_MAX_AGE = Duration.ofSeconds(1);

    private final Broker broker;
    private final long maxAgeNanos;
    private final Follower follower = new Follower();
    private final Object lock = new Object();
    // All guarded by lock.
    private MeterRegistry registry;
    private QueueCatalog queues;
    private JournalMeters journal;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<String, List<Meter>> virtualHosts = new HashMap<>();
    private boolean closed;

    public BrokerMetrics(Broker broker) {
        this(broker, DEFAULT_STATISTICS_MAX_AGE);
    }

    /**
     * @param statisticsMaxAge how long one snapshot of a queue's statistics serves its meters; zero to take one
     *                         per meter read (exact, for tests; each read then locks the queue)
     */
    public BrokerMetrics(Broker broker, Duration statisticsMaxAge) {
        this.broker = Objects.requireNonNull(broker, "broker");
        if (statisticsMaxAge.isNegative()) {
            throw new IllegalArgumentException("statisticsMaxAge must not be negative, was " + statisticsMaxAge);
        }
        this.maxAgeNanos = statisticsMaxAge.toNanos();
    }

    /**
     * Registers the meters of the broker and of its existing virtual hosts and queues, and follows the ones
     * that come and go.
     *
     * @throws IllegalStateException when already bound, or closed
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        synchronized (lock) {
            if (closed || this.registry != null) {
                throw new IllegalStateException(closed ? "these broker metrics are closed"
                        : "these broker metrics are bound already; bind a CompositeMeterRegistry to publish to "
                        + "several registries");
            }
            this.registry = registry;
            queues = new QueueCatalog(registry, broker, maxAgeNanos);
            meters.addAll(TotalMeters.register(registry, queues));
            meters.addAll(MemoryMeters.register(registry, broker.memory()));
            journal = JournalMeters.register(registry, broker);
            broker.addStoreObserver(journal);
            // Listen first, then read. What changes in between is announced to the follower, which waits for
            // this lock and then applies the announcements in order: a queue listed here and deleted meanwhile
            // loses its meters then, and one declared meanwhile is added twice, harmlessly.
            broker.addEventListener(follower);
            for (String vh : broker.virtualHostNames()) {
                addVirtualHost(vh);
                for (String q : broker.virtualHost(vh).queueNames()) {
                    queues.add(new QueueKey(vh, q));
                }
            }
        }
    }

    /** Removes every meter this registered and stops following the broker. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            broker.removeEventListener(follower);
            if (registry == null) {
                return;
            }
            queues.removeAll();
            journal.detach(registry);
            for (Meter m : meters) {
                registry.remove(m);
            }
            meters.clear();
            virtualHosts.values().forEach(list -> list.forEach(registry::remove));
            virtualHosts.clear();
        }
    }

    /** Caller holds lock. */
    private void addVirtualHost(String name) {
        virtualHosts.computeIfAbsent(name, n -> VirtualHostMeters.register(registry, broker, queues, n));
    }

    /** Caller holds lock. */
    private void removeVirtualHost(String name) {
        List<Meter> gone = virtualHosts.remove(name);
        if (gone != null) {
            gone.forEach(registry::remove);
        }
    }

    /**
     * Keeps the meters in step with the broker. Runs on the thread that changed the broker, under the virtual
     * host's lock that orders its queue events: it only takes {@link #lock} and registers or removes meters,
     * never calling back into the broker. While {@link #bindTo} holds the lock, declarations and deletions wait.
     */
    private final class Follower implements BrokerEventListener {
        @Override
        public void virtualHostAdded(String virtualHost) {
            synchronized (lock) {
                if (!closed) {
                    addVirtualHost(virtualHost);
                }
            }
        }

        @Override
        public void virtualHostRemoved(String virtualHost) {
            synchronized (lock) {
                if (!closed) {
                    removeVirtualHost(virtualHost);
                }
            }
        }

        @Override
        public void queueAdded(String virtualHost, String queue) {
            synchronized (lock) {
                if (!closed) {
                    queues.add(new QueueKey(virtualHost, queue));
                }
            }
        }

        @Override
        public void queueRemoved(String virtualHost, String queue) {
            synchronized (lock) {
                if (!closed) {
                    queues.remove(new QueueKey(virtualHost, queue));
                }
            }
        }
    }
}
