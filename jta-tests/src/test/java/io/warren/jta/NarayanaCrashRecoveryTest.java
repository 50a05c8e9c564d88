package io.warren.jta;

import static io.warren.jta.CrashingTransactionMain.INCOMING;
import static io.warren.jta.CrashingTransactionMain.ORDERS;
import static io.warren.jta.CrashingTransactionMain.ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.jta.FaultyXAResource.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.XAConnection;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM dies in the middle of a Narayana transaction over Warren and H2 ({@link CrashingTransactionMain}); this
 * JVM then opens the broker's data directory and the database file the child left, checks what they hold in doubt,
 * and runs Narayana's recovery on the child's object store: a transaction that was logged as committing is
 * committed exactly once, one that was not is rolled back.
 */
class NarayanaCrashRecoveryTest {
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void configureNarayanaBeforeTheChildUsesItsObjectStore() {
        NarayanaSetup.testJvm();
    }

    private Path brokerData() {
        return dir.resolve("broker");
    }

    private H2Orders orders() {
        return H2Orders.inFile(dir.resolve("orders"));
    }

    /** Runs the crashing child on this JVM's object store; the global transaction id it halted in, in hex. */
    private ChildJvm.Result crash(Fault fault, String node) throws Exception {
        ChildJvm.Result child = ChildJvm.run(dir, CHILD_TIMEOUT, CrashingTransactionMain.class, fault.name(),
                NarayanaSetup.objectStore().toString(), node, brokerData().toString(), dir.resolve("orders").toString());
        assertThat(child.exitStatus()).as("the child halted\n%s", child).isEqualTo(FaultyXAResource.HALT_STATUS);
        assertThat(child.lineAfter("HALT ")).as("%s", child).startsWith(fault.name() + " ");
        return child;
    }

    private static String globalId(ChildJvm.Result child) {
        return child.lineAfter("HALT ").split(" ")[1];
    }

    private static List<String> globalIds(List<Xid> xids) {
        return xids.stream().map(x -> HexFormat.of().formatHex(x.getGlobalTransactionId())).toList();
    }

    /** Recovers the child's node with Warren's and H2's resources until neither holds anything in doubt. */
    private static int recover(String node, WarrenBroker broker, H2Orders orders) throws Exception {
        XAConnection h2 = orders.xaConnection();
        try {
            return NarayanaRecovery.scanUntil(node, List.of(broker.xaResource(), h2.getXAResource()),
                    () -> nothingInDoubt(broker, orders), RECOVERY_TIMEOUT);
        } finally {
            h2.close();
        }
    }

    private static boolean nothingInDoubt(WarrenBroker broker, H2Orders orders) {
        try {
            return broker.inDoubt().isEmpty() && orders.inDoubt().isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTransactionThatCrashedBetweenPrepareAndCommitIsCommittedByRecoveryExactlyOnce() throws Exception {
        String node = "crashed-in-commit";
        ChildJvm.Result child = crash(Fault.HALT_IN_COMMIT, node);
        String gtrid = globalId(child);
        H2Orders orders = orders();
        try (WarrenBroker broker = WarrenBroker.persistent("recover-commit-" + NAMES.incrementAndGet(), brokerData())) {
            assertThat(globalIds(broker.inDoubt())).as("Warren's branch in doubt\n%s", child).containsExactly(gtrid);
            assertThat(globalIds(orders.inDoubt())).as("H2's branch in doubt\n%s", child).containsExactly(gtrid);
            assertThat(broker.ready(ORDERS)).as("the send, in doubt").isZero();
            assertThat(broker.ready(INCOMING)).as("the received message, held while in doubt").isZero();
            assertThat(orders.ids()).as("the insert, in doubt").isEmpty();
            assertThat(NarayanaRecovery.transactionLogs()).as("Narayana's log of the child's transaction").hasSize(1);
            broker.restart();
            assertThat(globalIds(broker.inDoubt())).as("Warren's branch, still in doubt after a second restart")
                    .containsExactly(gtrid);
            assertThat(broker.ready(INCOMING)).as("the received message, still held").isZero();

            int scans = recover(node, broker, orders);
            System.out.printf("committed the crashed transaction in %d recovery scan(s)%n", scans);

            assertThat(broker.ready(ORDERS)).as("the message sent").isEqualTo(1);
            assertThat(broker.ready(INCOMING)).as("the message received").isZero();
            assertThat(orders.ids()).containsExactly(ORDER_ID);
            assertThat(NarayanaRecovery.transactionLogs()).as("Narayana's logs once recovered").isEmpty();

            broker.restart();
            assertThat(broker.inDoubt()).as("Warren's branches in doubt after a restart").isEmpty();
            assertThat(broker.ready(INCOMING)).as("the received message after a restart").isZero();
            assertThat(broker.drain(ORDERS)).extracting(OrderFixture::orderId).as("the sent message after a restart")
                    .containsExactly(ORDER_ID);
        }
        assertThat(orders.inDoubt()).as("H2's branches in doubt, reopened").isEmpty();
        assertThat(orders.ids()).as("rows, reopened").containsExactly(ORDER_ID);
    }

    @Test
    void aTransactionThatCrashedBeforeItsLogWasWrittenIsRolledBackByRecovery() throws Exception {
        String node = "crashed-in-prepare";
        ChildJvm.Result child = crash(Fault.HALT_IN_PREPARE, node);
        String gtrid = globalId(child);
        H2Orders orders = orders();
        try (WarrenBroker broker = WarrenBroker.persistent("recover-abort-" + NAMES.incrementAndGet(), brokerData())) {
            assertThat(globalIds(broker.inDoubt())).as("Warren's branch in doubt\n%s", child).containsExactly(gtrid);
            assertThat(globalIds(orders.inDoubt())).as("H2's branch in doubt\n%s", child).containsExactly(gtrid);
            assertThat(NarayanaRecovery.transactionLogs()).as("Narayana's logs: none was written").isEmpty();

            int scans = recover(node, broker, orders);
            System.out.printf("rolled back the crashed transaction in %d recovery scan(s)%n", scans);

            assertThat(broker.ready(ORDERS)).as("the message sent").isZero();
            assertThat(orders.ids()).isEmpty();
            broker.restart();
            assertThat(broker.inDoubt()).as("Warren's branches in doubt after a restart").isEmpty();
            assertThat(broker.ready(ORDERS)).as("the message sent, after a restart").isZero();
            List<jakarta.jms.Message> returned = broker.drain(INCOMING);
            assertThat(returned).extracting(OrderFixture::orderId).as("the received message, returned")
                    .containsExactly(ORDER_ID);
            assertThat(returned.get(0).getJMSRedelivered()).as("JMSRedelivered").isTrue();
            assertThat(returned.get(0).getIntProperty("JMSXDeliveryCount")).as("JMSXDeliveryCount").isEqualTo(2);
        }
        assertThat(orders.inDoubt()).as("H2's branches in doubt, reopened").isEmpty();
        assertThat(orders.ids()).as("rows, reopened").isEmpty();
    }
}
