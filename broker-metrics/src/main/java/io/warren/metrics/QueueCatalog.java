package io.warren.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.warren.broker.Broker;
import io.warren.broker.queue.QueueStatistics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queues that have meters in one registry, and the sums over them that the broker-wide meters report.
 *
 * <p>Counter sums include the queues deleted since binding, with the figures they last showed: without them a
 * queue's deletion would make {@code warren.messages.published} and its siblings fall, which Prometheus reads
 * as a counter reset (a false spike in {@code rate()}). What happened to a queue between its last sample and
 * its deletion is not counted.
 *
 * <p>Thread-safe. {@link #add} and {@link #remove} run on whatever thread declares or deletes a queue, possibly
 * under broker locks; the sums run on scrape threads and refresh the samples (taking queue locks) before they
 * take this object's monitor, which is only ever held for arithmetic and meter (un)registration — so a scrape
 * and a queue's deletion cannot wait for each other in a cycle.
 */
final class QueueCatalog {
    private final MeterRegistry registry;
    private final Broker broker;
    private final long maxAgeNanos;
    private final Map<QueueKey, QueueMeters> queues = new ConcurrentHashMap<>();
    /** Counter figures of removed queues, by {@link QueueFigure#ordinal()}; guarded by this. */
    private final long[] removed = new long[QueueFigure.values().length];

    QueueCatalog(MeterRegistry registry, Broker broker, long maxAgeNanos) {
        this.registry = registry;
        this.broker = broker;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** Registers the meters of a queue; a queue that has them already keeps them. */
    synchronized void add(QueueKey key) {
        if (!queues.containsKey(key)) {
            queues.put(key, QueueMeters.register(registry, new QueueSampler(broker, key, maxAgeNanos)));
        }
    }

    /** Removes the meters of a queue, keeping its last figures in the counter sums; harmless if it has none. */
    synchronized void remove(QueueKey key) {
        QueueMeters meters = queues.remove(key);
        if (meters != null) {
            meters.remove(registry);
            QueueStatistics last = meters.sampler().last();
            for (QueueFigure c : QueueFigure.COUNTERS) {
                removed[c.ordinal()] += c.of(last);
            }
        }
    }

    /** Removes the meters of every queue. */
    synchronized void removeAll() {
        for (QueueKey key : queues.keySet()) {
            remove(key);
        }
    }

    /** A counter summed over all queues, the removed ones included. */
    double total(QueueFigure counter) {
        refreshAll();
        synchronized (this) {
            long sum = removed[counter.ordinal()];
            for (QueueMeters m : queues.values()) {
                sum += counter.of(m.sampler().last());
            }
            return sum;
        }
    }

    /** A gauge summed over the existing queues, of one virtual host or (null) of all. */
    double sum(QueueFigure gauge, String virtualHost) {
        long sum = 0;
        for (QueueMeters m : queues.values()) {
            QueueSampler s = m.sampler();
            if (virtualHost == null || virtualHost.equals(s.key().virtualHost())) {
                QueueSampler.Sample sample = s.sample();
                if (sample.present()) {
                    sum += gauge.of(sample.statistics());
                }
            }
        }
        return sum;
    }

    private void refreshAll() {
        for (QueueMeters m : queues.values()) {
            m.sampler().sample();
        }
    }
}
