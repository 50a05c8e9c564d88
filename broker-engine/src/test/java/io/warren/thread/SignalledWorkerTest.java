package io.warren.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignalledWorkerTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong seenByLastRun = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private SignalledWorker worker;

    @AfterEach
    void shutDown() {
        if (worker != null) {
            worker.shutdown();
        }
    }

    /** The task records how many signals had been asked for when it started, and whether another run overlapped. */
    private void task() {
        if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        seenByLastRun.accumulateAndGet(requested.get(), Math::max);
        runs.incrementAndGet();
        running.decrementAndGet();
    }

    private void requestAndSignal() {
        requested.incrementAndGet();
        assertThat(worker.signal()).isTrue();
    }

    @Test
    void everySignalFromManyThreadsIsFollowedByARunThatStartsAfterItAndRunsNeverOverlap() throws Exception {
        worker = new SignalledWorker(this::task, "test-worker", 30, TimeUnit.SECONDS);
        signalFromThreads(8, 20_000, false);

        await().atMost(BOUND).until(() -> seenByLastRun.get() == requested.get());
        assertThat(requested.get()).isEqualTo(8 * 20_000);
        assertThat(overlaps.get()).isZero();
        assertThat(runs.get()).isPositive().isLessThanOrEqualTo(8 * 20_000);
    }

    @Test
    void aWorkerThatEndsWhenIdleWhileSignalsRaceWithItsEndLosesNone() throws Exception {
        // an idle time of a microsecond makes the thread end after almost every run, so signals keep meeting a
        // thread that is letting go, and each must still be followed by a run
        worker = new SignalledWorker(this::task, "test-worker", 1, TimeUnit.MICROSECONDS);
        signalFromThreads(4, 5_000, true);

        await().atMost(BOUND).until(() -> seenByLastRun.get() == requested.get());
        assertThat(overlaps.get()).isZero();
    }

    @Test
    void theThreadEndsAfterTheIdleTimeAndTheNextSignalStartsAnother() {
        List<Thread> threads = new ArrayList<>();
        worker = new SignalledWorker(() -> {
            synchronized (threads) {
                threads.add(Thread.currentThread());
            }
        }, "test-idle-worker", 20, TimeUnit.MILLISECONDS);

        worker.signal();
        await().atMost(BOUND).until(() -> threads.size() == 1 && !worker.hasThread());
        await().atMost(BOUND).until(() -> !threads.get(0).isAlive());
        worker.signal();
        await().atMost(BOUND).until(() -> threads.size() == 2);

        assertThat(threads.get(1)).isNotSameAs(threads.get(0));
        assertThat(threads.get(1).getName()).isEqualTo("test-idle-worker");
        assertThat(threads.get(1).isDaemon()).isTrue();
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheRunsAfterIt() {
        AtomicReference<Throwable> reported = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        worker = new SignalledWorker(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.set(e));
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
        }, "test-throwing-worker", 30, TimeUnit.SECONDS);

        worker.signal();
        await().atMost(BOUND).until(() -> calls.get() == 1 && reported.get() != null);
        worker.signal();
        await().atMost(BOUND).until(() -> calls.get() == 2);
        assertThat(reported.get()).hasMessage("first run fails");
    }

    @Test
    void anErrorThatEndsTheThreadLeavesLaterSignalsToAnotherThread() {
        AtomicInteger calls = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        worker = new SignalledWorker(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> { });
            synchronized (threads) {
                threads.add(Thread.currentThread());
            }
            if (calls.incrementAndGet() == 1) {
                throw new AssertionError("an error the worker does not catch");
            }
        }, "test-error-worker", 30, TimeUnit.SECONDS);

        worker.signal();
        await().atMost(BOUND).until(() -> calls.get() == 1 && !threads.get(0).isAlive());
        worker.signal();
        await().atMost(BOUND).until(() -> calls.get() == 2);
        assertThat(threads.get(1)).isNotSameAs(threads.get(0));
    }

    @Test
    void afterShutdownSignalsAreRefusedAndNothingRuns() {
        worker = new SignalledWorker(this::task, "test-worker", 30, TimeUnit.SECONDS);
        requestAndSignal();
        await().atMost(BOUND).until(() -> runs.get() == 1);

        worker.shutdown();
        await().atMost(BOUND).until(() -> !worker.hasThread());
        assertThat(worker.signal()).isFalse();
        assertThat(worker.hasThread()).isFalse();
        assertThat(runs.get()).isEqualTo(1);
    }

    private void signalFromThreads(int threads, int each, boolean pauseNowAndThen) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> signallers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread s = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    requestAndSignal();
                    if (pauseNowAndThen && ThreadLocalRandom.current().nextInt(8) == 0) {
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(20_000));
                    }
                }
            });
            signallers.add(s);
            s.start();
        }
        start.countDown();
        for (Thread s : signallers) {
            s.join(BOUND.toMillis());
            assertThat(s.isAlive()).isFalse();
        }
    }
}
