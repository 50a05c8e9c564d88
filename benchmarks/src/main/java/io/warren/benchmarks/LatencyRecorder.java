package io.warren.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A log-linear histogram of durations in nanoseconds. Values below 64 ns get a bucket each; above that every
 * power of two is split into 32 equal buckets, so a percentile read back is within about 3% of the recorded
 * value, whatever its magnitude, in a fixed array of under 2,000 counters.
 *
 * <p>Thread-safe: any number of threads may {@link #record} at once. {@link #reset()} while others record may
 * keep or drop the few samples that race with it, which is what a benchmark switching from warm-up to
 * measurement wants anyway.
 */
public final class LatencyRecorder {
    /** log2 of the number of buckets each power of two is split into. */
    private static final int SUB_BITS = 5;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    /** Values below this have a bucket of their own. */
    private static final long EXACT_LIMIT = 2L * SUB_COUNT;
    /** Enough buckets for {@link Long#MAX_VALUE}. */
    private static final int BUCKETS = (64 - SUB_BITS) * SUB_COUNT;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Records one duration; negative values (a clock that went backwards) count as zero. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts.incrementAndGet(bucketOf(v));
        total.incrementAndGet();
        long seen = max.get();
        while (v > seen && !max.compareAndSet(seen, v)) {
            seen = max.get();
        }
    }

    /** Forgets everything recorded so far. */
    public void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
        total.set(0);
        max.set(0);
    }

    /** How many durations were recorded. */
    public long count() {
        return total.get();
    }

    /**
     * The duration that {@code percentile} percent of the samples do not exceed, as the middle of its bucket
     * (never above the largest sample, and exactly the largest for the last rank); 0 when nothing was
     * recorded.
     *
     * @param percentile in (0, 100]
     */
    public long percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        long[] snapshot = new long[BUCKETS];
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            n += snapshot[i];
        }
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * n);
        if (rank >= n) {
            return max.get();
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Math.min(middleOf(i), max.get());
            }
        }
        return max.get();
    }

    /** The largest duration recorded. */
    public long max() {
        return max.get();
    }

    /** p50, p99, p99.9 and the maximum in one value. */
    public LatencySummary summary() {
        return new LatencySummary(count(), percentile(50), percentile(99), percentile(99.9), max());
    }

    static int bucketOf(long value) {
        if (value < EXACT_LIMIT) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
        long mantissa = value >>> shift;
        return (int) (shift * SUB_COUNT + mantissa);
    }

    static long lowestOf(int bucket) {
        if (bucket < EXACT_LIMIT) {
            return bucket;
        }
        int shift = bucket / SUB_COUNT - 1;
        long mantissa = bucket - (long) shift * SUB_COUNT;
        return mantissa << shift;
    }

    static long highestOf(int bucket) {
        if (bucket < EXACT_LIMIT) {
            return bucket;
        }
        int shift = bucket / SUB_COUNT - 1;
        long mantissa = bucket - (long) shift * SUB_COUNT;
        return ((mantissa + 1) << shift) - 1;
    }

    private static long middleOf(int bucket) {
        long low = lowestOf(bucket);
        return low + (highestOf(bucket) - low) / 2;
    }
}
