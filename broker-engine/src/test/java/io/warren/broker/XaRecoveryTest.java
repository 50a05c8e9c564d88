package io.warren.broker;

import static io.warren.broker.RestartNode.persistent;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XA branches across a crash: a prepared branch comes back in doubt, holding the messages it acknowledged, and
 * its commit or rollback after the restart is applied exactly once; an unprepared branch leaves no trace.
 */
class XaRecoveryTest {
    @TempDir
    Path dir;

    /** "order" in queue "in" taken and acknowledged, "shipped" published to "out", all in one prepared branch. */
    private static TransactionId prepareMove(RestartNode n) {
        n.channel.queueDeclare("in", true, false, false, Map.of());
        n.channel.queueDeclare("out", true, false, false, Map.of());
        n.send("in", persistent("order"));
        TransactionId xid = XaBranchTest.newXid();
        Channel ch = n.connection.createChannel();
        ch.xaStart(xid, StartMode.NEW, 0);
        Delivery d = ch.get("in", false, null);
        ch.ack(d.deliveryTag(), false);
        ch.publish("", "out", persistent("shipped").build());
        ch.xaEnd(xid, EndMode.SUCCESS);
        ch.xaPrepare(xid).join();
        return xid;
    }

    @Test
    void aPreparedBranchIsInDoubtAfterACrashAndItsCommitAppliesOnce() {
        RestartNode n = RestartNode.start(dir);
        TransactionId xid = prepareMove(n);
        n = n.crashAndRestart();
        try {
            assertThat(n.channel.xaRecover()).containsExactly(xid);
            assertThat(n.host.queueInfo("in").unacknowledgedCount()).as("held for the branch").isEqualTo(1);
            assertThat(n.takeAll("in")).as("nobody receives what the branch acknowledged").isEmpty();
            assertThat(n.count("out")).isZero();

            n.channel.xaCommit(xid, false).join();
            assertThat(n.channel.xaRecover()).isEmpty();
            assertThat(n.host.queueInfo("in").unacknowledgedCount()).isZero();
            assertThat(n.count("in")).isZero();
            assertThat(n.count("out")).isEqualTo(1);
            n = n.crashAndRestart();
            assertThat(n.channel.xaRecover()).isEmpty();
            assertThat(n.drain("in")).isEmpty();
            assertThat(n.drain("out")).containsExactly("shipped");
        } finally {
            n.close();
        }
    }

    @Test
    void aPreparedBranchRolledBackAfterACrashRedeliversWhatItAcknowledged() {
        RestartNode n = RestartNode.start(dir);
        TransactionId xid = prepareMove(n);
        n = n.crashAndRestart();
        try {
            n.channel.xaRollback(xid).join();
            assertThat(n.channel.xaRecover()).isEmpty();
            n = n.crashAndRestart();
            assertThat(n.channel.xaRecover()).isEmpty();
            assertThat(n.count("out")).isZero();
            Delivery again = n.takeAll("in").get(0);
            assertThat(RestartNode.body(again)).isEqualTo("order");
            assertThat(again.deliveryCount()).as("delivered before the crash and now").isEqualTo(2);
        } finally {
            n.close();
        }
    }

    @Test
    void aBranchCommittedBeforeTheCrashIsNotAppliedAgain() {
        RestartNode n = RestartNode.start(dir);
        TransactionId xid = prepareMove(n);
        n.channel.xaCommit(xid, false).join();
        n = n.crashAndRestart();
        try {
            assertThat(n.channel.xaRecover()).isEmpty();
            assertThat(n.drain("in")).isEmpty();
            assertThat(n.drain("out")).containsExactly("shipped");
        } finally {
            n.close();
        }
    }

    @Test
    void aBranchNotPreparedAtTheCrashLeavesNoTrace() {
        RestartNode n = RestartNode.start(dir);
        n.channel.queueDeclare("in", true, false, false, Map.of());
        n.channel.queueDeclare("out", true, false, false, Map.of());
        n.send("in", persistent("order"));
        TransactionId xid = XaBranchTest.newXid();
        Channel ch = n.connection.createChannel();
        ch.xaStart(xid, StartMode.NEW, 0);
        ch.ack(ch.get("in", false, null).deliveryTag(), false);
        ch.publish("", "out", persistent("shipped").build());
        ch.xaEnd(xid, EndMode.SUCCESS);
        n = n.crashAndRestart();
        try {
            assertThat(n.channel.xaRecover()).isEmpty();
            assertThat(n.drain("out")).isEmpty();
            assertThat(n.drain("in")).containsExactly("order");
        } finally {
            n.close();
        }
    }
}
