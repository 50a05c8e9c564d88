package io.warren.broker;

import static io.warren.broker.EngineFixture.body;
import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.paging.FailingPages;
import io.warren.broker.queue.QueueStatistics;
import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import io.warren.broker.tx.XaError;
import io.warren.message.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page write that fails (a full or broken disk) in the middle of a transaction commit or of a publish to several
 * queues: all of it takes effect or none of it, the client gets a {@code STORE_ERROR}, and the page files written
 * before the failure are freed.
 */
class PageWriteFailureTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path dir;

    private Broker broker;
    private Channel ch;

    /** A broker whose queues page every arrival (its content goes to the page store). */
    private void start(BrokerConfig.Builder config) {
        broker = Broker.start(config.jmx(false).queuePagingThreshold(0).build());
        ch = broker.defaultVirtualHost().connect("c").createChannel();
    }

    private void start() {
        start(BrokerConfig.builder("pagefail-" + NAMES.incrementAndGet()));
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private QueueStatistics stats(String queue) {
        return broker.defaultVirtualHost().queue(queue).orElseThrow().statistics();
    }

    private List<String> browse(String queue) {
        List<String> out = new ArrayList<>();
        for (Message m : ch.browse(queue, null)) {
            out.add(body(m));
        }
        return out;
    }

    private List<String> drain(String queue) {
        List<String> out = new ArrayList<>();
        Delivery d;
        while ((d = ch.get(queue, true, null)) != null) {
            out.add(body(d));
        }
        return out;
    }

    private static void assertStoreError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR));
    }

    @Test
    void aCommitWhosePageWriteFailsMidwayAppliesNothingAndUndoesItsAcknowledgement() {
        start();
        ch.queueDeclare("q", false, false, false, Map.of());
        for (int i = 0; i < 4; i++) {
            ch.publish("", "q", text("p" + i)).join();
        }
        ch.txSelect();
        Delivery first = ch.get("q", false, null);
        assertThat(body(first)).isEqualTo("p0");
        ch.ack(first.deliveryTag(), false);
        for (int i = 0; i < 10; i++) {
            ch.publish("", "q", text("t" + i));
        }
        QueueStatistics before = stats("q");
        FailingPages failing = FailingPages.failAfter(broker.pageStore(), 5);

        assertStoreError(ch::txCommit);

        assertThat(failing.failures()).isEqualTo(1);
        assertThat(stats("q")).isEqualTo(before);
        assertThat(browse("q")).as("p0 unacknowledged, none of t0..t9").containsExactly("p0", "p1", "p2", "p3");
        assertThat(ch.unacknowledgedCount()).as("the held acknowledgement is undone").isEqualTo(1);

        failing.heal();
        ch.publish("", "q", text("again"));
        ch.ack(first.deliveryTag(), false);
        ch.txCommit().join();
        assertThat(browse("q")).containsExactly("p1", "p2", "p3", "again");
        assertThat(ch.unacknowledgedCount()).isZero();
    }

    @Test
    void aCommitThatFailsOnTheKthQueueOfAFanoutLeavesEveryQueueAsItWas() {
        start();
        ch.exchangeDeclare("fan", ExchangeType.FANOUT, false, false, false, Map.of());
        for (String q : List.of("a", "b", "c", "d")) {
            ch.queueDeclare(q, false, false, false, Map.of());
            ch.queueBind(q, "fan", "", Map.of());
        }
        ch.txSelect();
        ch.publish("fan", "", text("m0"));
        ch.publish("fan", "", text("m1"));
        FailingPages failing = FailingPages.failAfter(broker.pageStore(), 6);

        assertStoreError(ch::txCommit);

        for (String q : List.of("a", "b", "c", "d")) {
            assertThat(stats(q).ready()).as(q).isZero();
            assertThat(stats(q).published()).as(q).isZero();
        }
        assertThat(broker.pageStore().diskBytes()).isZero();
        failing.heal();
        ch.publish("fan", "", text("m2"));
        ch.txCommit().join();
        for (String q : List.of("a", "b", "c", "d")) {
            assertThat(drain(q)).as(q).containsExactly("m2");
        }
    }

    @Test
    void aPublishToSeveralPagingQueuesThatFailsOnTheKthReachesNoneOfThem() {
        start();
        ch.exchangeDeclare("fan", ExchangeType.FANOUT, false, false, false, Map.of());
        for (String q : List.of("a", "b", "c", "d")) {
            ch.queueDeclare(q, false, false, false, Map.of());
            ch.queueBind(q, "fan", "", Map.of());
        }
        for (int k = 0; k < 4; k++) {
            FailingPages failing = FailingPages.failAfter(broker.pageStore(), k);
            assertStoreError(() -> ch.publish("fan", "", text("lost")));
            assertThat(failing.appends()).as("writes tried when the %d-th failed", k + 1).isEqualTo(k + 1);
            failing.heal();
            for (String q : List.of("a", "b", "c", "d")) {
                assertThat(stats(q).ready()).as(q).isZero();
                assertThat(stats(q).published()).as(q).isZero();
            }
            assertThat(broker.pageStore().diskBytes()).as("page bytes after a failure at queue %d", k + 1).isZero();
        }
        ch.publish("fan", "", text("kept")).join();
        for (String q : List.of("a", "b", "c", "d")) {
            assertThat(drain(q)).as(q).containsExactly("kept");
        }
        assertThat(broker.pageStore().diskBytes()).isZero();
    }

    @Test
    void aPersistentPublishToADurableAndPagingQueuesIsNotStoredWhenAPageWriteFails() {
        Path data = dir.resolve("data");
        String name = "pagefail-durable-" + NAMES.incrementAndGet();
        start(BrokerConfig.builder(name).dataDirectory(data));
        ch.exchangeDeclare("fan", ExchangeType.FANOUT, true, false, false, Map.of());
        for (String q : List.of("durable", "t1", "t2")) {
            ch.queueDeclare(q, q.equals("durable"), false, false, Map.of());
            ch.queueBind(q, "fan", "", Map.of());
        }
        // The durable queue's copy is in the journal; the transient queues' copies go to the page store.
        FailingPages failing = FailingPages.failAfter(broker.pageStore(), 1);
        assertStoreError(() -> ch.publish("fan", "", Message.builder().persistent(true).body(new byte[10]).build()));
        failing.heal();
        assertThat(stats("durable").ready()).isZero();
        assertThat(stats("t1").ready() + stats("t2").ready()).isZero();
        broker.close();

        broker = Broker.start(BrokerConfig.builder(name).dataDirectory(data).jmx(false).build());
        assertThat(stats("durable").ready()).as("after a restart").isZero();
    }

    @Test
    void theFilesWrittenForAFailedCommitAreFreed() {
        start(BrokerConfig.builder("pagefail-" + NAMES.incrementAndGet()).pageFileSize(1024));
        ch.queueDeclare("q", false, false, false, Map.of());
        ch.txSelect();
        for (int i = 0; i < 20; i++) {
            ch.publish("", "q", Message.builder().body(new byte[300]).build());
        }
        FailingPages failing = FailingPages.failAfter(broker.pageStore(), 15);
        assertStoreError(ch::txCommit);
        failing.heal();

        assertThat(broker.pageStore().diskBytes()).isZero();
        assertThat(broker.pageStore().fileCount()).isLessThanOrEqualTo(1);
        assertThat(stats("q").ready()).isZero();
    }

    /** An ended XA branch that took the message "work" from queue "in" and sent five to queue "out". */
    private Delivery branchThatTakesOneAndSendsFive(TransactionId xid) {
        ch.queueDeclare("in", false, false, false, Map.of());
        ch.queueDeclare("out", false, false, false, Map.of());
        ch.publish("", "in", text("work")).join();
        ch.xaStart(xid, StartMode.NEW, 0);
        Delivery d = ch.get("in", false, null);
        ch.ack(d.deliveryTag(), false);
        for (int i = 0; i < 5; i++) {
            ch.publish("", "out", text("r" + i));
        }
        ch.xaEnd(xid, EndMode.SUCCESS);
        return d;
    }

    @Test
    void aOnePhaseXaCommitWhosePageWriteFailsIsRolledBack() {
        start();
        TransactionId xid = new TransactionId(1, "g1".getBytes(), "b1".getBytes());
        Delivery d = branchThatTakesOneAndSendsFive(xid);
        FailingPages failing = FailingPages.failAfter(broker.pageStore(), 2);

        assertThatThrownBy(() -> ch.xaCommit(xid, true)).isInstanceOfSatisfying(BranchException.class,
                e -> assertThat(e.xaError()).isEqualTo(XaError.ROLLED_BACK));

        failing.heal();
        assertThat(stats("out").ready()).isZero();
        assertThat(stats("out").published()).isZero();
        assertThat(broker.pageStore().diskBytes()).as("the records written before the failure are freed").isZero();
        Delivery again = ch.get("in", false, null);
        assertThat(body(again)).as("the acknowledged message is back").isEqualTo("work");
        assertThat(again.deliveryCount()).isEqualTo(d.deliveryCount() + 1);
        assertThat(ch.xaRecover()).doesNotContain(xid);
    }

    @Test
    void aPreparedXaBranchWhoseCommitFailsStaysPreparedAndCommitsLater() {
        start();
        TransactionId xid = new TransactionId(1, "g2".getBytes(), "b2".getBytes());
        Delivery d = branchThatTakesOneAndSendsFive(xid);
        assertThat(ch.xaPrepare(xid).join()).isFalse();
        FailingPages failing = FailingPages.failAfter(broker.pageStore(), 3);

        assertThatThrownBy(() -> ch.xaCommit(xid, false)).isInstanceOfSatisfying(BranchException.class, e -> {
            assertThat(e.xaError()).isEqualTo(XaError.RETRY);
            assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR);
        });
        assertThat(stats("out").ready()).isZero();
        assertThat(stats("in").unacknowledged()).as("still held by the prepared branch").isEqualTo(1);
        assertThat(ch.xaRecover()).contains(xid);

        failing.heal();
        ch.xaCommit(xid, false).join();
        assertThat(drain("out")).containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(stats("in").ready() + stats("in").unacknowledged()).isZero();
        assertThat(ch.xaRecover()).doesNotContain(xid);
        assertThat(broker.pageStore().diskBytes()).isZero();
    }
}
