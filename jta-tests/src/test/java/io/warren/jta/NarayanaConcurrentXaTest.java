package io.warren.jta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Several threads run Narayana transactions over one Warren broker and one H2 database at once, each thread with
 * its own session and connection, committing most and rolling back the rest: afterwards every committed order is
 * in the queue and the table exactly once, and nothing of a rolled-back one is anywhere. Each test prints its
 * transactions per second (measured, not asserted).
 */
class NarayanaConcurrentXaTest {
    private static final int THREADS = 4;
    private static final int TRANSACTIONS_PER_THREAD = 200;
    private static final long SEED = 0x7a_c0de;

    private enum Outcome { COMMIT, ROLLBACK, ROLLBACK_ONLY }

    /** One thread's share of a test: its number and its own participants. */
    private interface ThreadWork {
        void run(int thread, OrderParticipants worker) throws Exception;
    }

    /** Runs {@code work} on {@value #THREADS} threads at once; returns how long they took, in nanoseconds. */
    private static long onThreads(OrderFixture fixture, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                OrderParticipants worker = fixture.newWorker();
                threads.add(pool.submit(() -> {
                    work.run(thread, worker);
                    return null;
                }));
            }
            for (Future<?> f : threads) {
                f.get(60, TimeUnit.SECONDS);
            }
            return System.nanoTime() - started;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("workers stopped").isTrue();
        }
    }

    private static void report(String what, int transactions, int rolledBack, long nanos) {
        System.out.printf("%s: %d transactions on %d threads (%d rolled back) in %d ms: %.0f transactions/s%n",
                what, transactions, THREADS, rolledBack, TimeUnit.NANOSECONDS.toMillis(nanos),
                transactions / (nanos / 1e9));
    }

    private static Outcome outcome(Random random) {
        int dice = random.nextInt(100);
        return dice < 70 ? Outcome.COMMIT : dice < 85 ? Outcome.ROLLBACK : Outcome.ROLLBACK_ONLY;
    }

    /** Completes the current transaction as {@code outcome} says; true if it committed. */
    private static boolean complete(TransactionManager tm, Outcome outcome) throws Exception {
        switch (outcome) {
            case COMMIT -> {
                tm.commit();
                return true;
            }
            case ROLLBACK -> tm.rollback();
            case ROLLBACK_ONLY -> {
                tm.setRollbackOnly();
                assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
            }
            default -> throw new IllegalStateException(outcome.toString());
        }
        return false;
    }

    @Test
    void concurrentSendAndInsertTransactionsApplyEveryCommitExactlyOnceAndNothingOfTheRollbacks() throws Exception {
        Set<Integer> committed = ConcurrentHashMap.newKeySet();
        Set<Integer> rolledBack = ConcurrentHashMap.newKeySet();
        try (OrderFixture fixture = new OrderFixture("xa-concurrent-send")) {
            TransactionManager tm = fixture.tm;
            long nanos = onThreads(fixture, (thread, worker) -> {
                Queue queue = worker.queue("orders");
                Random random = new Random(SEED + thread);
                for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
                    int id = thread * TRANSACTIONS_PER_THREAD + i;
                    tm.begin();
                    worker.enlistIn(tm.getTransaction());
                    worker.sendOrder(queue, id);
                    worker.insertOrder(id, "thread-" + thread);
                    (complete(tm, outcome(random)) ? committed : rolledBack).add(id);
                }
            });
            report("send and insert", THREADS * TRANSACTIONS_PER_THREAD, rolledBack.size(), nanos);

            List<Integer> expected = committed.stream().sorted().toList();
            assertThat(committed).hasSize(THREADS * TRANSACTIONS_PER_THREAD - rolledBack.size());
            assertThat(rolledBack).as("the mix has rollbacks").isNotEmpty();
            assertThat(fixture.drainOrderIds("orders").stream().sorted().toList())
                    .as("messages: each committed order once, no rolled-back one").isEqualTo(expected);
            assertThat(fixture.orders.ids()).as("rows: each committed order once, no rolled-back one")
                    .isEqualTo(expected);
            fixture.assertNothingInDoubt();
        }
    }

    @Test
    void concurrentReceiveAndInsertTransactionsConsumeEveryMessageOnceCountingItsRolledBackDeliveries()
            throws Exception {
        int messages = THREADS * TRANSACTIONS_PER_THREAD;
        Map<Integer, AtomicInteger> rollbacksById = new ConcurrentHashMap<>();
        Set<Integer> consumed = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> wrongCounts = new ConcurrentLinkedQueue<>();
        AtomicInteger transactions = new AtomicInteger();
        try (OrderFixture fixture = new OrderFixture("xa-concurrent-receive")) {
            for (int id = 0; id < messages; id++) {
                fixture.sendOrderOutsideTransactions("orders", id);
            }
            TransactionManager tm = fixture.tm;
            long nanos = onThreads(fixture, (thread, worker) -> {
                MessageConsumer consumer = worker.consumer(worker.queue("orders"));
                Random random = new Random(SEED - thread);
                while (consumed.size() < messages) {
                    tm.begin();
                    worker.enlistIn(tm.getTransaction());
                    // bounded: another thread may hold the last messages, to commit or roll back
                    Message m = consumer.receive(100);
                    if (m == null) {
                        tm.rollback();
                        continue;
                    }
                    transactions.incrementAndGet();
                    int id = OrderFixture.orderId(m);
                    AtomicInteger rollbacks = rollbacksById.computeIfAbsent(id, k -> new AtomicInteger());
                    int expectedCount = rollbacks.get() + 1;
                    if (m.getIntProperty("JMSXDeliveryCount") != expectedCount
                            || m.getJMSRedelivered() != (expectedCount > 1)) {
                        wrongCounts.add("order " + id + ": JMSXDeliveryCount " + m.getIntProperty("JMSXDeliveryCount")
                                + ", JMSRedelivered " + m.getJMSRedelivered() + " after " + rollbacks.get()
                                + " rolled-back deliveries");
                    }
                    worker.insertOrder(id, "thread-" + thread);
                    Outcome outcome = outcome(random);
                    if (outcome != Outcome.COMMIT) {
                        // counted before the rollback returns the message, so its next delivery sees the count
                        rollbacks.incrementAndGet();
                    }
                    if (complete(tm, outcome)) {
                        assertThat(consumed.add(id)).as("order %d consumed a second time", id).isTrue();
                    }
                }
            });
            int rolledBack = rollbacksById.values().stream().mapToInt(AtomicInteger::get).sum();
            report("receive and insert", transactions.get(), rolledBack, nanos);

            assertThat(rolledBack).as("the mix has rollbacks").isPositive();
            assertThat(wrongCounts).as("deliveries whose count disagrees with the rollbacks before them").isEmpty();
            assertThat(fixture.broker.ready("orders")).as("ready").isZero();
            assertThat(fixture.broker.unacknowledged("orders")).as("unacknowledged").isZero();
            assertThat(fixture.orders.ids()).as("rows: each message's once")
                    .isEqualTo(IntStream.range(0, messages).boxed().toList());
            fixture.assertNothingInDoubt();
        }
    }
}
