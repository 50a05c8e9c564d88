package io.warren.benchmarks.jms;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.BytesMessage;
import io.warren.benchmarks.BenchmarkSettings;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One JMS workload's broker and connection: an in-JVM broker of its own ({@code vm://NAME}) reached through
 * {@link WarrenConnectionFactory}, one started connection on it, and on close both stopped again. With a
 * {@link JmsTarget} the workload runs against that broker in another process instead, on destinations whose
 * names are unique to the run, and every session gets a connection of its own, as producers and consumers in
 * separate processes have: one shared socket would queue a consumer's acknowledgements behind the producer's
 * messages.
 */
final class JmsRig implements AutoCloseable {
    private final String brokerName;
    private final Connection connection;
    private final String suffix;
    private final ConnectionFactory remote;
    private final List<Connection> sessionConnections = new CopyOnWriteArrayList<>();

    private JmsRig(String brokerName, Connection connection, String suffix, ConnectionFactory remote) {
        this.brokerName = brokerName;
        this.connection = connection;
        this.suffix = suffix;
        this.remote = remote;
    }

    /** Connects to the settings' target, or starts the in-JVM broker {@code brokerName} and connects to it. */
    static JmsRig open(String brokerName, String query, BenchmarkSettings settings) throws JMSException {
        JmsTarget target = settings.target();
        if (target == null) {
            return open(brokerName, query);
        }
        ConnectionFactory factory = target.connectionFactory();
        Connection connection = factory.createConnection();
        connection.start();
        return new JmsRig(null, connection, "." + System.currentTimeMillis(), factory);
    }

    /** A destination name for this run: on a broker in another process, unique to it. */
    String name(String base) {
        return base + suffix;
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
            return new JmsRig(brokerName, connection, "", null);
        } catch (JMSException | RuntimeException e) {
            VmBrokers.stop(brokerName);
            throw e;
        }
    }

    /** A new non-transacted, auto-acknowledging session. */
    Session session() throws JMSException {
        return connectionForSession().createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** A new transacted session. */
    Session transactedSession() throws JMSException {
        return connectionForSession().createSession(true, Session.SESSION_TRANSACTED);
    }

    private Connection connectionForSession() throws JMSException {
        if (remote == null) {
            return connection;
        }
        Connection c = remote.createConnection();
        sessionConnections.add(c);
        c.start();
        return c;
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
            for (Connection c : sessionConnections) {
                c.close();
            }
            connection.close();
        } finally {
            if (brokerName != null) {
                VmBrokers.stop(brokerName);
            }
        }
    }
}
