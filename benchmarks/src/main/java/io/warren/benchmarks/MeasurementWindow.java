package io.warren.benchmarks;

import java.util.function.LongSupplier;

/**
 * Times a running workload: lets it warm up, then reads its counters at the start and the end of the
 * measurement and turns the differences into rates. The workload keeps running throughout; only the window
 * in between counts, so start-up and shut-down never dilute a rate.
 */
public final class MeasurementWindow {
    private static final long CHECK_EVERY_MILLIS = 100;

    private final BenchmarkSettings settings;
    private Runnable atStart = () -> { };
    private Runnable atEnd = () -> { };
    private Runnable healthCheck = () -> { };

    public MeasurementWindow(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /** Something to do the moment measuring begins, e.g. resetting a {@link LatencyRecorder}. */
    public MeasurementWindow atStart(Runnable action) {
        this.atStart = action;
        return this;
    }

    /** Something to do the moment measuring ends, e.g. taking a {@link LatencyRecorder#summary()}. */
    public MeasurementWindow atEnd(Runnable action) {
        this.atEnd = action;
        return this;
    }

    /** Called every 100 ms while waiting; it throws to abandon the measurement (a producer failed, say). */
    public MeasurementWindow checking(Runnable check) {
        this.healthCheck = check;
        return this;
    }

    /**
     * Waits out the warm-up and the measurement.
     *
     * @return per counter, its increase per second during the measurement
     */
    public double[] run(LongSupplier... counters) throws InterruptedException {
        pause(settings.warmup().toMillis());
        atStart.run();
        long[] before = read(counters);
        long started = System.nanoTime();
        pause(settings.measurement().toMillis());
        long[] after = read(counters);
        double seconds = (System.nanoTime() - started) / 1e9;
        atEnd.run();
        double[] rates = new double[counters.length];
        for (int i = 0; i < counters.length; i++) {
            rates[i] = (after[i] - before[i]) / seconds;
        }
        return rates;
    }

    private void pause(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        long left;
        while ((left = deadline - System.currentTimeMillis()) > 0) {
            healthCheck.run();
            Thread.sleep(Math.min(left, CHECK_EVERY_MILLIS));
        }
        healthCheck.run();
    }

    private static long[] read(LongSupplier[] counters) {
        long[] values = new long[counters.length];
        for (int i = 0; i < counters.length; i++) {
            values[i] = counters[i].getAsLong();
        }
        return values;
    }
}
