package io.warren.server.management.stats;

import io.warren.thread.WarrenThreads;
import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.queue.QueueStatistics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples every queue's running totals at a fixed interval and keeps the rates between the last two samples.
 * A queue's rate appears from its second sample on; a deleted queue's rates vanish with it, so totals are sums
 * of per-queue rates and never turn negative. {@link #sample()} runs on the sampler's own daemon thread (or a
 * test's); readers may call the getters from any thread and see the latest complete sample.
 */
public final class RateSampler implements AutoCloseable {
    private record Key(String virtualHost, String queue) {
    }

    private record Sample(long nanos, QueueStatistics statistics) {
    }

    private final Broker broker;
    private final LongSupplier clock;
    private Map<Key, Sample> previous = Map.of();
    private volatile Map<Key, MessageRates> rates = Map.of();
    private ScheduledExecutorService timer;
    private volatile long samples;

    /** @param clock a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests) */
    public RateSampler(Broker broker, LongSupplier clock) {
        this.broker = broker;
        this.clock = clock;
    }

    /** Samples every {@code interval} from now on, on a daemon thread; the first sample is taken at once. */
    public synchronized void startSampling(Duration interval) {
        if (timer != null) {
            throw new IllegalStateException("already sampling");
        }
        timer = Executors.newSingleThreadScheduledExecutor(WarrenThreads.named("warren-management-rates"));
        timer.scheduleAtFixedRate(this::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // A virtual host or queue vanishing mid-sample: the next sample sees the new state.
        }
    }

    /** Reads every queue once and recomputes the rates. */
    public synchronized void sample() {
        Map<Key, Sample> now = new HashMap<>();
        Map<Key, MessageRates> next = new HashMap<>();
        for (String vhost : broker.virtualHostNames()) {
            Iterable<QueueSummary> queues;
            try {
                queues = broker.virtualHost(vhost).queues();
            } catch (BrokerException gone) {
                continue;
            }
            for (QueueSummary q : queues) {
                Key key = new Key(vhost, q.name());
                Sample current = new Sample(clock.getAsLong(), q.statistics());
                now.put(key, current);
                Sample before = previous.get(key);
                next.put(key, before == null ? MessageRates.ZERO : between(before, current));
            }
        }
        previous = now;
        rates = Map.copyOf(next);
        samples++;
    }

    private static MessageRates between(Sample a, Sample b) {
        double seconds = Math.max(1, b.nanos - a.nanos) / 1e9;
        QueueStatistics x = a.statistics;
        QueueStatistics y = b.statistics;
        return new MessageRates(
                perSecond(y.published() - x.published(), seconds),
                perSecond(y.delivered() - x.delivered(), seconds),
                perSecond(y.acknowledged() - x.acknowledged(), seconds),
                perSecond(y.redelivered() - x.redelivered(), seconds),
                perSecond(y.deadLettered() + y.discarded() - x.deadLettered() - x.discarded(), seconds));
    }

    private static double perSecond(long delta, double seconds) {
        return Math.max(0, delta) / seconds;
    }

    /** The queue's rates, or zero when it was not sampled twice yet. */
    public MessageRates queue(String virtualHost, String queue) {
        return rates.getOrDefault(new Key(virtualHost, queue), MessageRates.ZERO);
    }

    /** The sum over the virtual host's queues. */
    public MessageRates virtualHost(String virtualHost) {
        MessageRates sum = MessageRates.ZERO;
        for (Map.Entry<Key, MessageRates> e : rates.entrySet()) {
            if (e.getKey().virtualHost().equals(virtualHost)) {
                sum = sum.plus(e.getValue());
            }
        }
        return sum;
    }

    /** The sum over every queue of the broker. */
    public MessageRates total() {
        MessageRates sum = MessageRates.ZERO;
        for (MessageRates r : rates.values()) {
            sum = sum.plus(r);
        }
        return sum;
    }

    /** How many samples were taken; rates exist from the second on. */
    public long samples() {
        return samples;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
