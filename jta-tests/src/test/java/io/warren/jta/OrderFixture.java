package io.warren.jta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one test's transactions span: an in-memory Warren broker and an in-memory H2 database of its own, and
 * workers' {@link OrderParticipants} on them; {@link #close()} rolls back a transaction the test left on its
 * thread, then closes the workers and stops the broker and the database. Created and closed on the test's
 * thread; {@link #newWorker()} may be called from others.
 */
final class OrderFixture implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    final TransactionManager tm = NarayanaSetup.testJvm();
    final WarrenBroker broker;
    final H2Orders orders;
    private final List<OrderParticipants> workers = new ArrayList<>();

    OrderFixture(String prefix) throws SQLException {
        String name = prefix + "-" + NAMES.incrementAndGet();
        broker = WarrenBroker.inMemory(name);
        orders = H2Orders.inMemory(name).createTable();
    }

    /** A worker's resources on this broker and database, closed with the fixture. */
    OrderParticipants newWorker() throws JMSException, SQLException {
        OrderParticipants w = new OrderParticipants(broker, orders);
        synchronized (workers) {
            workers.add(w);
        }
        return w;
    }

    /** Sends an order on a plain connection of its own, outside any transaction. */
    void sendOrderOutsideTransactions(String queue, int id) throws JMSException {
        try (Connection c = broker.factory().createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message m = s.createTextMessage("order-" + id);
            m.setIntProperty(OrderParticipants.ORDER_ID, id);
            s.createProducer(s.createQueue(queue)).send(m);
        }
    }

    /** Receives every message of {@code queue}: their order ids, in delivery order. */
    List<Integer> drainOrderIds(String queue) throws JMSException {
        return broker.drain(queue).stream().map(OrderFixture::orderId).toList();
    }

    static int orderId(Message m) {
        try {
            return m.getIntProperty(OrderParticipants.ORDER_ID);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Neither Warren nor H2 holds a prepared branch waiting for its outcome. */
    void assertNothingInDoubt() throws Exception {
        assertThat(broker.inDoubt()).as("Warren's branches in doubt").isEmpty();
        assertThat(orders.inDoubt()).as("H2's branches in doubt").isEmpty();
    }

    @Override
    public void close() throws SQLException, SystemException {
        try {
            if (tm.getTransaction() != null) {
                tm.rollback();
            }
        } finally {
            synchronized (workers) {
                for (OrderParticipants w : workers) {
                    w.close();
                }
            }
            broker.close();
            orders.shutdown();
        }
    }
}
