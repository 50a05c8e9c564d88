package io.warren.jta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.XASession;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Narayana transaction spanning a send to a Warren queue and an insert into H2: both or neither, whether the
 * application commits, rolls back or marks it rollback-only, another participant votes rollback, or Narayana's
 * reaper times it out. Also how Narayana drives Warren's resource beyond plain two-phase commit: two Warren sessions
 * in one transaction, suspend and resume, one-phase commit, and a read-only Warren branch.
 */
class NarayanaXaTransactionTest {
    private OrderFixture fixture;
    private TransactionManager tm;
    private OrderParticipants work;
    private Queue queue;

    @BeforeEach
    void startBrokerAndDatabase() throws Exception {
        fixture = new OrderFixture("xa-tx");
        tm = fixture.tm;
        work = fixture.newWorker();
        queue = work.queue("orders");
    }

    @AfterEach
    void stopBrokerAndDatabase() throws Exception {
        fixture.close();
    }

    private void beginWithAnOrder(int id, String source) throws Exception {
        tm.begin();
        work.enlistIn(tm.getTransaction());
        work.sendOrder(queue, id);
        work.insertOrder(id, source);
    }

    @Test
    void aCommittedTransactionDeliversTheMessageOnceAndKeepsTheRow() throws Exception {
        beginWithAnOrder(1, "commit");
        assertThat(fixture.broker.ready("orders")).as("the send before commit").isZero();
        assertThat(fixture.orders.ids()).as("the insert before commit, from another connection").isEmpty();

        tm.commit();

        assertThat(fixture.drainOrderIds("orders")).containsExactly(1);
        assertThat(fixture.orders.ids()).containsExactly(1);
        fixture.assertNothingInDoubt();
    }

    @Test
    void aRolledBackTransactionNeitherDeliversTheMessageNorKeepsTheRow() throws Exception {
        beginWithAnOrder(2, "rollback");
        tm.rollback();

        assertThat(fixture.broker.ready("orders")).isZero();
        assertThat(fixture.orders.ids()).isEmpty();
        fixture.assertNothingInDoubt();
    }

    @Test
    void aTransactionMarkedRollbackOnlyFailsToCommitAndKeepsNothing() throws Exception {
        beginWithAnOrder(3, "rollback-only");
        tm.setRollbackOnly();
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);

        assertThat(fixture.broker.ready("orders")).isZero();
        assertThat(fixture.orders.ids()).isEmpty();
        fixture.assertNothingInDoubt();
    }

    @Test
    void aParticipantVotingRollbackUndoesTheBranchesThatAlreadyPrepared() throws Exception {
        beginWithAnOrder(4, "vetoed");
        // enlisted last, so Warren and H2 have prepared when it votes
        tm.getTransaction().enlistResource(new FaultyXAResource(FaultyXAResource.Fault.VOTE_ROLLBACK_IN_PREPARE));
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);

        assertThat(fixture.broker.ready("orders")).isZero();
        assertThat(fixture.orders.ids()).isEmpty();
        fixture.assertNothingInDoubt();
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
        assertThat(fixture.broker.ready("orders")).isZero();
        assertThat(fixture.orders.ids()).isEmpty();

        beginWithAnOrder(6, "after-timeout");
        tm.commit();
        assertThat(fixture.drainOrderIds("orders")).containsExactly(6);
        assertThat(fixture.orders.ids()).containsExactly(6);
        fixture.assertNothingInDoubt();
    }

    @Test
    void twoWarrenSessionsOfOneTransactionCommitAndRollBackTogether() throws Exception {
        OrderParticipants second = fixture.newWorker();
        // Narayana gives each session's resource a branch of its own (it does not join them through isSameRM):
        // two Warren branches of one global transaction, prepared and completed together
        beginWithAnOrder(7, "first-session");
        second.enlistIn(tm.getTransaction());
        second.sendOrder(queue, 8);
        second.insertOrder(8, "second-session");
        tm.rollback();
        assertThat(fixture.broker.ready("orders")).isZero();
        assertThat(fixture.orders.ids()).isEmpty();

        beginWithAnOrder(9, "first-session");
        second.enlistIn(tm.getTransaction());
        second.sendOrder(queue, 10);
        second.insertOrder(10, "second-session");
        tm.commit();
        assertThat(fixture.drainOrderIds("orders")).containsExactlyInAnyOrder(9, 10);
        assertThat(fixture.orders.ids()).containsExactly(9, 10);
        fixture.assertNothingInDoubt();
    }

    @Test
    void aSuspendedAndResumedTransactionKeepsItsWorkFromBeforeAndAfter() throws Exception {
        tm.begin();
        work.enlistIn(tm.getTransaction());
        work.sendOrder(queue, 11);
        Transaction suspended = tm.suspend();
        assertThat(tm.getTransaction()).isNull();
        tm.resume(suspended);
        work.insertOrder(11, "resumed");
        tm.commit();

        assertThat(fixture.drainOrderIds("orders")).containsExactly(11);
        assertThat(fixture.orders.ids()).containsExactly(11);
        fixture.assertNothingInDoubt();
    }

    @Test
    void aTransactionWithWarrenAloneCommitsInOnePhase() throws Exception {
        XASession alone = fixture.broker.xaConnection().createXASession();
        tm.begin();
        tm.getTransaction().enlistResource(alone.getXAResource());
        Message m = alone.createTextMessage("order-12");
        m.setIntProperty(OrderParticipants.ORDER_ID, 12);
        alone.createProducer(queue).send(m);
        tm.commit();

        assertThat(fixture.drainOrderIds("orders")).containsExactly(12);
        fixture.assertNothingInDoubt();
    }

    @Test
    void aWarrenBranchThatDidNothingLetsTheDatabaseCommit() throws Exception {
        tm.begin();
        work.enlistIn(tm.getTransaction());
        work.insertOrder(13, "database-only");
        tm.commit();

        assertThat(fixture.broker.ready("orders")).isZero();
        assertThat(fixture.orders.ids()).containsExactly(13);
        fixture.assertNothingInDoubt();
    }
}
