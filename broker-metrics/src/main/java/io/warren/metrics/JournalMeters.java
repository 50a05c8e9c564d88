package io.warren.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.warren.broker.Broker;
import io.warren.broker.store.StoreObserver;
import io.warren.broker.store.StoreStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The store's meters: counters and size read from {@link Broker#storeStatistics()} at scrape time
 * ({@code warren.journal.bytes.written}, {@code .batches}, {@code .syncs}, {@code .compactions},
 * {@code warren.journal.size.bytes}), and the timers {@code warren.journal.sync} and
 * {@code warren.journal.compaction}, recorded as the store reports each sync and compaction. The timers publish
 * percentile histograms, with extra buckets at 1, 2, 5, 10 and 50 ms for syncs.
 *
 * <p>A broker without a journal reports zeros. {@link #synced} and {@link #compacted} run on the journal's writer
 * thread and only record into a timer. The broker offers no way to remove a store observer, so
 * {@link #detach} makes this one inert instead; the broker keeps that empty object until it is collected.
 */
final class JournalMeters implements StoreObserver {
    private static final Duration[] SYNC_OBJECTIVES = {Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)};

    private final List<Meter> meters;
    private volatile Timer sync;
    private volatile Timer compaction;

    private JournalMeters(List<Meter> meters, Timer sync, Timer compaction) {
        this.meters = meters;
        this.sync = sync;
        this.compaction = compaction;
    }

    static JournalMeters register(MeterRegistry registry, Broker broker) {
        List<Meter> meters = new ArrayList<>();
        // Strong: the registry keeps the broker, which the weakly held counters below share.
        meters.add(Gauge.builder("warren.journal.size.bytes", broker, b -> b.storeStatistics().journalBytes())
                .description("Current size of the journal on disk").baseUnit(BaseUnits.BYTES)
                .strongReference(true).register(registry));
        meters.add(counter(registry, broker, "warren.journal.bytes.written",
                "Bytes appended to the journal (records, not snapshots)", StoreStatistics::bytesWritten));
        meters.add(counter(registry, broker, "warren.journal.batches", "Write batches the store accepted",
                StoreStatistics::batches));
        meters.add(counter(registry, broker, "warren.journal.syncs",
                "Forces to disk; fewer than batches when writers share them", StoreStatistics::syncs));
        meters.add(counter(registry, broker, "warren.journal.compactions", "Compactions completed",
                StoreStatistics::compactions));
        Timer sync = Timer.builder("warren.journal.sync").description("Time of one force of the journal to disk")
                .publishPercentileHistogram().serviceLevelObjectives(SYNC_OBJECTIVES)
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Timer compaction = Timer.builder("warren.journal.compaction")
                .description("Time of one compaction of the journal into a snapshot")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
        meters.add(sync);
        meters.add(compaction);
        return new JournalMeters(List.copyOf(meters), sync, compaction);
    }

    private static FunctionCounter counter(MeterRegistry registry, Broker broker, String name, String description,
                                           ToLongFunction<StoreStatistics> figure) {
        return FunctionCounter.builder(name, broker, b -> figure.applyAsLong(b.storeStatistics()))
                .description(description).register(registry);
    }

    @Override
    public void synced(long nanos) {
        Timer t = sync;
        if (t != null) {
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void compacted(long nanos, long bytesBefore, long bytesAfter) {
        Timer t = compaction;
        if (t != null) {
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops recording and removes the meters. */
    void detach(MeterRegistry registry) {
        sync = null;
        compaction = null;
        for (Meter m : meters) {
            registry.remove(m);
        }
    }
}
