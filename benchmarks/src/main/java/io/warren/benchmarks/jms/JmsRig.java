package io.warren.benchmarks.jms;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * One JMS workload's broker and connection: an in-JVM broker of its own ({@code vm://NAME}) reached through
 * {@link WarrenConnectionFactory}, one started connection on it, and on close both stopped again.
 */
final class JmsRig implements AutoCloseable {
    private final String brokerName;
    private final Connection connection;

    private JmsRig(String brokerName, Connection connection) {
        this.brokerName = brokerName;
        this.connection = connection;
    }

    /**
     * Starts the broker {@code brokerName} and connects to it.
     *
     * @param query URL options without the {@code ?}, e.g. {@code dataDir=...&sync=always}; empty for none
     */
    static JmsRig open(String brokerName, String query) throws JMSException {
        String url = "vm://" + brokerName + (query.isEmpty() ? "" : "?" + query);
        try {
            Connection connection = new WarrenConnectionFactory(url).createConnection();
            connection.start();
            return new JmsRig(brokerName, connection);
        } catch (JMSException | RuntimeException e) {
            VmBrokers.stop(brokerName);
            throw e;
        }
    }

    /** A new non-transacted, auto-acknowledging session. */
    Session session() throws JMSException {
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** A new transacted session. */
    Session transactedSession() throws JMSException {
        return connection.createSession(true, Session.SESSION_TRANSACTED);
    }

    /** A bytes message carrying {@code body}. */
    static BytesMessage bytesMessage(Session session, byte[] body) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(body);
        return m;
    }

    @Override
    public void close() throws JMSException {
        try {
            connection.close();
        } finally {
            VmBrokers.stop(brokerName);
        }
    }
}
