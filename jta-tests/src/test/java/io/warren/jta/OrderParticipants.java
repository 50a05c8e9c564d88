package io.warren.jta;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.XASession;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.XAConnection;

/**
 * One worker's two resource managers: a Warren XA session and an H2 XA connection. {@link #enlistIn} enlists
 * both in a JTA transaction, Warren first; from then until the transaction completes, the session's sends and
 * receives and the connection's statements are the transaction's work. An order is a text message
 * {@code order-ID} with the int property {@value #ORDER_ID}, and an {@code ORDERS} row with the same id. Like a
 * JMS session, used by one thread at a time; {@link #close()} closes the H2 connection (the Warren connection
 * belongs to the {@link WarrenBroker}).
 */
final class OrderParticipants implements AutoCloseable {
    static final String ORDER_ID = "orderId";

    private final XASession session;
    private final MessageProducer producer;
    private final XAConnection sqlXa;
    private final Connection sql;

    OrderParticipants(WarrenBroker broker, H2Orders orders) throws JMSException, SQLException {
        session = broker.xaConnection().createXASession();
        producer = session.createProducer(null);
        sqlXa = orders.xaConnection();
        // H2 hands out one connection handle per XA connection; a second getConnection() closes the first
        sql = sqlXa.getConnection();
    }

    /** Enlists Warren's resource, then H2's: Narayana prepares and commits them in that order. */
    void enlistIn(Transaction transaction) throws RollbackException, SystemException, SQLException {
        transaction.enlistResource(session.getXAResource());
        transaction.enlistResource(sqlXa.getXAResource());
    }

    Queue queue(String name) throws JMSException {
        return session.createQueue(name);
    }

    /** A consumer on this worker's session: what it receives inside a transaction is the transaction's. */
    MessageConsumer consumer(Queue queue) throws JMSException {
        return session.createConsumer(queue);
    }

    void sendOrder(Queue queue, int id) throws JMSException {
        Message m = session.createTextMessage("order-" + id);
        m.setIntProperty(ORDER_ID, id);
        producer.send(queue, m);
    }

    void insertOrder(int id, String source) throws SQLException {
        H2Orders.insert(sql, id, source);
    }

    @Override
    public void close() throws SQLException {
        sqlXa.close();
    }
}
