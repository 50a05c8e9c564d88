package io.warren.benchmarks;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition a workload's threads will bring about, such as consumers catching up. */
public final class Waits {
    private Waits() {
    }

    /**
     * Polls {@code condition} every millisecond until it holds or {@code timeout} passes.
     *
     * @return whether it held
     */
    public static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
