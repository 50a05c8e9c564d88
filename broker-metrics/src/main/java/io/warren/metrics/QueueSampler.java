package io.warren.metrics;

import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.queue.QueueStatistics;
import java.util.Optional;

/**
 * The statistics of one queue, looked up by name and kept for a short while so that the ten meters of a queue
 * (and the broker-wide sums) cost one {@link QueueStatistics} snapshot — one acquisition of the queue's lock —
 * per scrape instead of one each.
 *
 * <p>It holds the broker and the queue's name, never the queue, so a deleted queue is not kept alive: once the
 * name finds nothing the sample says {@linkplain Sample#present() absent} and keeps the last figures seen, which
 * counters go on reporting until the queue's meters are removed.
 *
 * <p>Thread-safe. Readers of a fresh sample take no lock; a stale one is replaced under this object's monitor
 * (held while the queue's lock is taken), so concurrent scrapes take one snapshot, and the samples a reader
 * sees never go back in time.
 */
final class QueueSampler {
    /** Figures of a queue never sampled. */
    static final QueueStatistics ZERO = new QueueStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final Broker broker;
    private final QueueKey key;
    private final long maxAgeNanos;
    private volatile Sample sample;

    /**
     * A queue's figures at {@code takenAt} ({@link System#nanoTime()}).
     *
     * @param present false once the queue could not be found; {@code statistics} are then the last seen
     */
    record Sample(QueueStatistics statistics, boolean present, long takenAt) {
    }

    QueueSampler(Broker broker, QueueKey key, long maxAgeNanos) {
        this.broker = broker;
        this.key = key;
        this.maxAgeNanos = maxAgeNanos;
    }

    QueueKey key() {
        return key;
    }

    /** A sample no older than the maximum age, taken now if need be. */
    Sample sample() {
        Sample s = sample;
        if (s != null && fresh(s)) {
            return s;
        }
        synchronized (this) {
            s = sample;
            if (s == null || !fresh(s)) {
                s = take(s);
                sample = s;
            }
            return s;
        }
    }

    /** The last sample taken, without taking one; figures of zero if none was. */
    QueueStatistics last() {
        Sample s = sample;
        return s == null ? ZERO : s.statistics();
    }

    private boolean fresh(Sample s) {
        return System.nanoTime() - s.takenAt() < maxAgeNanos;
    }

    private Sample take(Sample previous) {
        Optional<QueueSummary> queue = lookUp();
        long now = System.nanoTime();
        if (queue.isPresent()) {
            return new Sample(queue.get().statistics(), true, now);
        }
        return new Sample(previous == null ? ZERO : previous.statistics(), false, now);
    }

    private Optional<QueueSummary> lookUp() {
        try {
            return broker.virtualHost(key.virtualHost()).queue(key.queue());
        } catch (BrokerException e) {
            // The virtual host is unknown: there is no such queue either.
            return Optional.empty();
        }
    }
}
