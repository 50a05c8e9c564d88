package io.warren.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;

class SpinThenParkLockTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final SpinThenParkLock lock = new SpinThenParkLock();

    @Test
    void threadsContendingForShortSectionsNeverOverlapAndLoseNoUpdate() throws Exception {
        int threads = 8;
        int rounds = 50_000;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        long[] counter = {0};
        List<Thread> started = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                awaitQuietly(go);
                for (int i = 0; i < rounds; i++) {
                    lock.lock();
                    try {
                        if (inside.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        counter[0]++;
                        inside.decrementAndGet();
                    } finally {
                        lock.unlock();
                    }
                }
            });
            thread.start();
            started.add(thread);
        }
        go.countDown();
        for (Thread thread : started) {
            thread.join(BOUND.toMillis());
            assertThat(thread.isAlive()).isFalse();
        }

        assertThat(overlaps.get()).isZero();
        lock.lock();
        try {
            assertThat(counter[0]).isEqualTo((long) threads * rounds);
        } finally {
            lock.unlock();
        }
    }

    @Test
    void aWaiterParksWhenTheHolderKeepsTheLockLongerThanTheSpinAndGetsItOnRelease() throws Exception {
        lock.lock();
        AtomicBoolean acquired = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            lock.lock();
            acquired.set(true);
            lock.unlock();
        });
        waiter.start();

        await().atMost(BOUND).until(lock::hasQueuedThreads);
        assertThat(acquired).isFalse();
        lock.unlock();
        waiter.join(BOUND.toMillis());
        assertThat(acquired).isTrue();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void theHolderTakesItAgainWithoutWaitingForItself() {
        lock.lock();
        lock.lock();
        assertThat(lock.getHoldCount()).isEqualTo(2);
        lock.unlock();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void conditionsReleaseTheLockWhileWaitingAndRetakeItWhenSignalled() throws Exception {
        Condition changed = lock.newCondition();
        boolean[] ready = {false};
        AtomicBoolean woke = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            lock.lock();
            try {
                while (!ready[0]) {
                    if (!changed.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
                woke.set(lock.isHeldByCurrentThread());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        });
        waiter.start();
        await().atMost(BOUND).until(() -> {
            lock.lock();
            try {
                return lock.hasWaiters(changed);
            } finally {
                lock.unlock();
            }
        });

        lock.lock();
        try {
            ready[0] = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        waiter.join(BOUND.toMillis());
        assertThat(woke).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
