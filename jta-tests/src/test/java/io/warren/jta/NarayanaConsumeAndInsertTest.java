package io.warren.jta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Narayana transaction spanning a receive from a Warren queue and an insert into H2: the message is consumed
 * exactly when the row is written.
 */
class NarayanaConsumeAndInsertTest {
    private static final long RECEIVE_TIMEOUT_MS = WarrenBroker.RECEIVE_TIMEOUT_MS;

    private OrderFixture fixture;
    private TransactionManager tm;
    private OrderParticipants work;
    private MessageConsumer incoming;

    @BeforeEach
    void startBrokerAndDatabase() throws Exception {
        fixture = new OrderFixture("xa-consume");
        tm = fixture.tm;
        work = fixture.newWorker();
        incoming = work.consumer(work.queue("incoming"));
        fixture.sendOrderOutsideTransactions("incoming", 7);
    }

    @AfterEach
    void stopBrokerAndDatabase() throws Exception {
        fixture.close();
    }

    /** Begins a transaction, receives the order in it and inserts its row. */
    private Message receiveAndInsert(String source) throws Exception {
        tm.begin();
        work.enlistIn(tm.getTransaction());
        Message m = incoming.receive(RECEIVE_TIMEOUT_MS);
        assertThat(m).as("the order within %d ms", RECEIVE_TIMEOUT_MS).isNotNull();
        work.insertOrder(OrderFixture.orderId(m), source);
        return m;
    }

    private void assertTheOrderIsConsumed() throws Exception {
        assertThat(fixture.broker.ready("incoming")).as("ready").isZero();
        assertThat(fixture.broker.unacknowledged("incoming")).as("held unacknowledged").isZero();
    }

    @Test
    void aCommittedReceiveRemovesTheMessageAndKeepsTheRow() throws Exception {
        Message m = receiveAndInsert("first-try");
        assertThat(m.getJMSRedelivered()).isFalse();
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        tm.commit();

        assertTheOrderIsConsumed();
        assertThat(fixture.orders.ids()).containsExactly(7);
        fixture.assertNothingInDoubt();
    }

    @Test
    void aRolledBackReceiveRedeliversTheMessageAndLeavesNoRow() throws Exception {
        receiveAndInsert("rolled-back");
        tm.rollback();
        assertThat(fixture.orders.ids()).isEmpty();

        Message again = receiveAndInsert("second-try");
        assertThat(OrderFixture.orderId(again)).isEqualTo(7);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        tm.commit();

        assertTheOrderIsConsumed();
        assertThat(fixture.orders.ids()).containsExactly(7);
        fixture.assertNothingInDoubt();
    }

    @Test
    void aConsumeForwardAndInsertTransactionMovesTheMessageAndWritesTheRowTogether() throws Exception {
        Queue shipped = work.queue("shipped");
        Message m = receiveAndInsert("forward-rolled-back");
        work.sendOrder(shipped, OrderFixture.orderId(m));
        tm.setRollbackOnly();
        tm.rollback();
        assertThat(fixture.broker.ready("shipped")).isZero();
        assertThat(fixture.orders.ids()).isEmpty();

        Message again = receiveAndInsert("forwarded");
        work.sendOrder(shipped, OrderFixture.orderId(again));
        tm.commit();

        assertTheOrderIsConsumed();
        assertThat(fixture.drainOrderIds("shipped")).containsExactly(7);
        assertThat(fixture.orders.ids()).containsExactly(7);
        fixture.assertNothingInDoubt();
    }
}
