package io.warren.jta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Narayana transaction spanning a send to a Warren queue and an insert into H2: both or neither.
 */
class NarayanaXaTransactionTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final TransactionManager tm = NarayanaSetup.testJvm();
    private WarrenBroker broker;
    private H2Orders orders;
    private OrderParticipants work;
    private Queue queue;

    @BeforeEach
    void startBrokerAndDatabase() throws Exception {
        String name = "xa-tx-" + NAMES.incrementAndGet();
        broker = WarrenBroker.inMemory(name);
        orders = H2Orders.inMemory(name).createTable();
        work = new OrderParticipants(broker, orders);
        queue = work.queue("orders");
    }

    @AfterEach
    void stopBrokerAndDatabase() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
        work.close();
        broker.close();
        orders.shutdown();
    }

    private void beginWithAnOrder(int id, String source) throws Exception {
        tm.begin();
        work.enlistIn(tm.getTransaction());
        work.sendOrder(queue, id);
        work.insertOrder(id, source);
    }

    private List<Integer> drainedOrderIds() throws Exception {
        return broker.drain("orders").stream().map(NarayanaXaTransactionTest::orderId).toList();
    }

    static int orderId(Message m) {
        try {
            return m.getIntProperty(OrderParticipants.ORDER_ID);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNothingInDoubt() throws Exception {
        assertThat(broker.inDoubt()).as("Warren's branches in doubt").isEmpty();
        assertThat(orders.inDoubt()).as("H2's branches in doubt").isEmpty();
    }

    @Test
    void aCommittedTransactionDeliversTheMessageOnceAndKeepsTheRow() throws Exception {
        beginWithAnOrder(1, "commit");
        assertThat(broker.ready("orders")).as("the send before commit").isZero();
        assertThat(orders.ids()).as("the insert before commit, from another connection").isEmpty();

        tm.commit();

        assertThat(drainedOrderIds()).containsExactly(1);
        assertThat(orders.ids()).containsExactly(1);
        assertNothingInDoubt();
    }

    @Test
    void aRolledBackTransactionNeitherDeliversTheMessageNorKeepsTheRow() throws Exception {
        beginWithAnOrder(2, "rollback");
        tm.rollback();

        assertThat(broker.ready("orders")).isZero();
        assertThat(orders.ids()).isEmpty();
        assertNothingInDoubt();
    }

    @Test
    void aTransactionMarkedRollbackOnlyFailsToCommitAndKeepsNothing() throws Exception {
        beginWithAnOrder(3, "rollback-only");
        tm.setRollbackOnly();
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);

        assertThat(broker.ready("orders")).isZero();
        assertThat(orders.ids()).isEmpty();
        assertNothingInDoubt();
    }

    @Test
    void aParticipantVotingRollbackUndoesTheBranchesThatAlreadyPrepared() throws Exception {
        beginWithAnOrder(4, "vetoed");
        // enlisted last, so Warren and H2 have prepared when it votes
        tm.getTransaction().enlistResource(new FaultyXAResource(FaultyXAResource.Fault.VOTE_ROLLBACK_IN_PREPARE));
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);

        assertThat(broker.ready("orders")).isZero();
        assertThat(orders.ids()).isEmpty();
        assertNothingInDoubt();
    }

    @Test
    void aTransactionTimedOutByNarayanaKeepsNothingAndTheSessionWorksAfterwards() throws Exception {
        tm.setTransactionTimeout(1);
        Transaction timingOut;
        try {
            beginWithAnOrder(5, "timed-out");
            timingOut = tm.getTransaction();
        } finally {
            tm.setTransactionTimeout(0);
        }
        // Narayana's reaper rolls the transaction back from its own thread, ending Warren's branch there; Warren,
        // told the same timeout through setTransactionTimeout, may roll its branch back first
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> timingOut.getStatus() == Status.STATUS_ROLLEDBACK);
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
        assertThat(broker.ready("orders")).isZero();
        assertThat(orders.ids()).isEmpty();

        beginWithAnOrder(6, "after-timeout");
        tm.commit();
        assertThat(drainedOrderIds()).containsExactly(6);
        assertThat(orders.ids()).containsExactly(6);
        assertNothingInDoubt();
    }
}
