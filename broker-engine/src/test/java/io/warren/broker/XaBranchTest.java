package io.warren.broker;

import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import io.warren.broker.tx.XaError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** XA branches on engine channels: association, two-phase and one-phase completion, errors, timeouts. */
class XaBranchTest {
    private static final AtomicInteger IDS = new AtomicInteger();

    private EngineFixture f;
    private Channel xa;

    @BeforeEach
    void setUp() {
        f = EngineFixture.start();
        f.declare("in", Map.of());
        f.declare("out", Map.of());
        xa = f.connection.createChannel();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    static TransactionId newXid() {
        int n = IDS.incrementAndGet();
        return new TransactionId(1, ("g" + n).getBytes(), ("b" + n).getBytes());
    }

    private static void assertXaError(ThrowingCallable call, XaError expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BranchException.class,
                e -> assertThat(e.xaError()).isEqualTo(expected));
    }

    private Delivery getOne(Channel ch, String queue) {
        Delivery d = ch.get(queue, false, null);
        assertThat(d).as("a message in " + queue).isNotNull();
        return d;
    }

    @Test
    void workIsInvisibleUntilTwoPhaseCommit() {
        f.send("in", "order");
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        Delivery d = getOne(xa, "in");
        xa.ack(d.deliveryTag(), false);
        xa.publish("", "out", text("shipped"));
        xa.xaEnd(xid, EndMode.SUCCESS);
        assertThat(xa.xaPrepare(xid).join()).as("read-only").isFalse();
        assertThat(xa.xaRecover()).containsExactly(xid);
        assertThat(f.channel.queueDeclarePassive("out").messageCount()).isZero();
        assertThat(f.host.queueInfo("in").unacknowledgedCount()).isEqualTo(1);

        xa.xaCommit(xid, false).join();
        assertThat(f.drain("out")).containsExactly("shipped");
        assertThat(f.host.queueInfo("in").messageCount()).isZero();
        assertThat(xa.xaRecover()).isEmpty();
    }

    @Test
    void rollbackRedeliversWhatTheBranchAcknowledgedAndDropsItsPublishes() {
        f.send("in", "order");
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        xa.ack(getOne(xa, "in").deliveryTag(), false);
        xa.publish("", "out", text("shipped"));
        xa.xaEnd(xid, EndMode.SUCCESS);
        xa.xaPrepare(xid).join();
        xa.xaRollback(xid).join();

        assertThat(f.drain("out")).isEmpty();
        Delivery again = f.channel.get("in", true, null);
        assertThat(again).isNotNull();
        assertThat(again.deliveryCount()).as("delivered twice").isEqualTo(2);
        assertXaError(() -> xa.xaCommit(xid, false), XaError.UNKNOWN_BRANCH);
    }

    @Test
    void onePhaseCommitAppliesAnUnpreparedBranch() {
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        xa.publish("", "out", text("one"));
        xa.xaEnd(xid, EndMode.SUCCESS);
        xa.xaCommit(xid, true).join();
        assertThat(f.drain("out")).containsExactly("one");
    }

    @Test
    void aBranchThatDidNothingPreparesReadOnlyAndIsForgotten() {
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        xa.xaEnd(xid, EndMode.SUCCESS);
        assertThat(xa.xaPrepare(xid).join()).isTrue();
        assertThat(xa.xaRecover()).isEmpty();
        assertXaError(() -> xa.xaCommit(xid, false), XaError.UNKNOWN_BRANCH);
    }

    @Test
    void outsideABranchTheChannelWorksAsUsual() {
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        xa.publish("", "out", text("in-branch"));
        xa.xaEnd(xid, EndMode.SUCCESS);
        xa.publish("", "out", text("plain")).join();
        assertThat(f.drain("out")).containsExactly("plain");
        xa.xaRollback(xid).join();
        assertThat(f.drain("out")).isEmpty();
    }

    @Test
    void aSecondChannelJoinsAndSuspendedWorkResumes() {
        Channel other = f.connection.createChannel();
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        xa.publish("", "out", text("a"));
        xa.xaEnd(xid, EndMode.SUSPEND);
        other.xaStart(xid, StartMode.JOIN, 0);
        other.publish("", "out", text("b"));
        other.xaEnd(xid, EndMode.SUCCESS);
        assertXaError(() -> xa.xaPrepare(xid), XaError.PROTOCOL);
        xa.xaStart(xid, StartMode.RESUME, 0);
        xa.publish("", "out", text("c"));
        xa.xaEnd(xid, EndMode.SUCCESS);
        xa.xaPrepare(xid).join();
        xa.xaCommit(xid, false).join();
        assertThat(f.drain("out")).containsExactly("a", "b", "c");
    }

    @Test
    void protocolErrorsNameTheProblem() {
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        assertXaError(() -> f.channel.xaStart(xid, StartMode.NEW, 0), XaError.DUPLICATE_ID);
        assertXaError(() -> xa.xaStart(newXid(), StartMode.NEW, 0), XaError.PROTOCOL);
        assertXaError(() -> f.channel.xaStart(newXid(), StartMode.JOIN, 0), XaError.UNKNOWN_BRANCH);
        assertXaError(() -> f.channel.xaStart(xid, StartMode.RESUME, 0), XaError.PROTOCOL);
        assertXaError(() -> xa.xaPrepare(xid), XaError.PROTOCOL);
        assertXaError(() -> xa.xaCommit(xid, false), XaError.PROTOCOL);
        assertXaError(() -> f.channel.xaEnd(xid, EndMode.SUCCESS), XaError.PROTOCOL);
        assertXaError(() -> xa.xaStart(newXid(), StartMode.NEW, -1), XaError.PROTOCOL);
        xa.xaEnd(xid, EndMode.SUCCESS);
        assertXaError(() -> xa.xaCommit(xid, false), XaError.PROTOCOL);
        assertXaError(() -> xa.xaForget(xid), XaError.PROTOCOL);
        assertXaError(() -> xa.xaForget(newXid()), XaError.UNKNOWN_BRANCH);
        Channel tx = f.connection.createChannel();
        tx.txSelect();
        assertXaError(() -> tx.xaStart(newXid(), StartMode.NEW, 0), XaError.PROTOCOL);
        assertThatThrownBy(() -> new TransactionId(1, new byte[65], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 bytes");
    }

    @Test
    void aFailedAssociationRollsTheBranchBack() {
        f.send("in", "order");
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        xa.ack(getOne(xa, "in").deliveryTag(), false);
        xa.xaEnd(xid, EndMode.FAIL);
        assertXaError(() -> xa.xaPrepare(xid), XaError.ROLLED_BACK);
        assertThat(f.drain("in")).containsExactly("order");
    }

    @Test
    void closingAnAssociatedChannelLeavesTheBranchRollbackOnly() {
        f.send("in", "order");
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 0);
        xa.ack(getOne(xa, "in").deliveryTag(), false);
        xa.close();
        assertThat(f.host.queueInfo("in").unacknowledgedCount()).as("held by the branch").isEqualTo(1);
        assertXaError(() -> f.channel.xaCommit(xid, true), XaError.ROLLED_BACK);
        assertThat(f.drain("in")).containsExactly("order");
    }

    @Test
    void aBranchThatOutlivesItsTimeoutIsRolledBack() {
        f.send("in", "order");
        TransactionId xid = newXid();
        xa.xaStart(xid, StartMode.NEW, 1);
        xa.ack(getOne(xa, "in").deliveryTag(), false);
        xa.publish("", "out", text("late"));
        await().atMost(EngineFixture.timeout()).until(() -> f.host.queueInfo("in").messageCount() == 1
                && f.host.queueInfo("in").unacknowledgedCount() == 0);
        assertXaError(() -> xa.publish("", "out", text("later")), XaError.TIMED_OUT);
        assertXaError(() -> xa.xaEnd(xid, EndMode.SUCCESS), XaError.TIMED_OUT);
        xa.xaRollback(xid).join();
        assertXaError(() -> xa.xaPrepare(xid), XaError.UNKNOWN_BRANCH);
        assertThat(f.drain("out")).isEmpty();
        assertThat(f.drain("in")).containsExactly("order");
    }

    @Test
    void manyThreadsRunBranchesAtOnceAndEachMessageMovesExactlyOnce() throws Exception {
        int threads = 4;
        int total = 1000;
        for (int i = 0; i < total; i++) {
            f.send("in", "m" + i);
        }
        AtomicInteger moved = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    Channel ch = f.connection.createChannel();
                    int round = 0;
                    while (moved.get() < total) {
                        TransactionId xid = newXid();
                        ch.xaStart(xid, StartMode.NEW, 0);
                        int taken = 0;
                        Delivery d;
                        while (taken < 3 && (d = ch.get("in", false, null)) != null) {
                            ch.ack(d.deliveryTag(), false);
                            ch.publish("", "out", d.message());
                            taken++;
                        }
                        ch.xaEnd(xid, EndMode.SUCCESS);
                        if (++round % 4 == 0) {
                            ch.xaRollback(xid).join();
                        } else if (round % 4 == 1) {
                            ch.xaCommit(xid, true).join();
                            moved.addAndGet(taken);
                        } else if (ch.xaPrepare(xid).join()) {
                            Thread.yield(); // read-only: the queue is empty for now
                        } else {
                            ch.xaCommit(xid, false).join();
                            moved.addAndGet(taken);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> r : results) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(moved.get()).isEqualTo(total);
        List<String> out = f.drain("out");
        assertThat(out).hasSize(total).doesNotHaveDuplicates();
        assertThat(f.host.queueInfo("in").messageCount()).isZero();
    }
}
