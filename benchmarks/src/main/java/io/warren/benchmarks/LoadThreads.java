package io.warren.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Threads that repeat a step (send a message, publish, commit a batch) until stopped. The first failure of
 * any of them is kept and surfaces from {@link #checkHealthy()} and {@link #stop()}.
 */
public final class LoadThreads {
    private static final long JOIN_MILLIS = 10_000;

    /** One unit of work, repeated while the threads run. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** Creates the step thread {@code index} repeats; it runs on that thread. */
    @FunctionalInterface
    public interface StepFactory {
        Step create(int index) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final LongAdder completed = new LongAdder();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    private LoadThreads() {
    }

    /**
     * Starts {@code count} threads named {@code name-0 ...}; thread {@code i} repeats the step
     * {@code steps.create(i)} returns. Each thread calls the factory itself, so per-thread resources (a JMS
     * session) are created on the thread that uses them.
     */
    public static LoadThreads start(String name, int count, StepFactory steps) {
        LoadThreads load = new LoadThreads();
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread t = new Thread(() -> load.loop(steps, index), name + "-" + i);
            t.setDaemon(true);
            load.threads.add(t);
        }
        load.threads.forEach(Thread::start);
        return load;
    }

    private void loop(StepFactory steps, int index) {
        try {
            Step step = steps.create(index);
            while (running) {
                step.run();
                completed.increment();
            }
        } catch (Throwable t) {
            if (running) {
                failure.compareAndSet(null, t);
            }
        }
    }

    /** How many steps all threads have completed. */
    public long completedSteps() {
        return completed.sum();
    }

    /** Throws when a thread has failed. */
    public void checkHealthy() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("a load thread failed: " + t, t);
        }
    }

    /**
     * Stops the threads after their current step and waits for them; threads still blocked after 10 s are
     * interrupted.
     *
     * @throws IllegalStateException when a thread failed while running
     */
    public void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(JOIN_MILLIS);
            if (t.isAlive()) {
                t.interrupt();
                t.join(JOIN_MILLIS);
            }
        }
        checkHealthy();
    }
}
