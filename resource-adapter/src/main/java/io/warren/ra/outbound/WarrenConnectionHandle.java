package io.warren.ra.outbound;

import io.warren.ra.ContainerRestrictions;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

/**
 * The {@code Connection} an application gets from a {@link WarrenRaConnectionFactory}: a handle on a pooled
 * {@link WarrenManagedConnection}. Closing it gives the managed connection back to the pool. It allows one active
 * session at a time, as Jakarta Messaging allows in a container, and refuses the calls §12.2 forbids there
 * ({@code setClientID}, {@code setExceptionListener}, {@code stop}, connection consumers) with an
 * {@link IllegalStateException}. After the container cleans the managed connection up, every call fails as on a
 * closed connection.
 *
 * <p>Threads: used by one application thread at a time, like the managed connection under it.
 */
public final class WarrenConnectionHandle implements QueueConnection, TopicConnection {
    private volatile WarrenManagedConnection mc;
    private volatile boolean closed;
    private WarrenSessionHandle session;

    WarrenConnectionHandle(WarrenManagedConnection mc) {
        this.mc = mc;
    }

    void reassociate(WarrenManagedConnection target) {
        target.adopt(this, mc);
        mc = target;
    }

    /** The managed connection under this handle now (the container may move handles between them). */
    WarrenManagedConnection managedConnection() {
        return mc;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("this connection is closed: create a new one from the connection"
                    + " factory", "ECLOSED");
        }
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return openSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return openSession(sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return openSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return openSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return openSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    /**
     * In a container the transaction decides whether the session is transacted (§12.3); the mode asked for counts
     * only outside one, where DUPS_OK_ACKNOWLEDGE is kept and every other mode is AUTO_ACKNOWLEDGE.
     */
    private synchronized WarrenSessionHandle openSession(int sessionMode) throws JMSException {
        checkOpen();
        int acknowledgeMode = TransactionMode.requested(sessionMode);
        if (session != null && !session.isClosed()) {
            throw new IllegalStateException("this connection already has an active session, and a Jakarta EE web or"
                    + " EJB application may have only one per connection (Jakarta Messaging §12.2): close it, or"
                    + " create another connection", "EONESESSION");
        }
        session = new WarrenSessionHandle(this, acknowledgeMode);
        return session;
    }

    synchronized void sessionClosed(WarrenSessionHandle closedSession) {
        if (session == closedSession) {
            session = null;
        }
    }

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return mc.physical().getClientID();
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        throw ContainerRestrictions.forbidden("Connection.setClientID", "set clientID on the connection pool");
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return mc.physical().getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        throw ContainerRestrictions.forbidden("Connection.setExceptionListener",
                "the server's pool handles connection failures");
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        mc.physical().start();
    }

    @Override
    public void stop() throws JMSException {
        throw ContainerRestrictions.forbidden("Connection.stop", "close the connection instead");
    }

    /** Closes the session and gives the managed connection back to the pool. */
    @Override
    public void close() throws JMSException {
        WarrenSessionHandle s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = session;
            session = null;
        }
        if (s != null) {
            s.close();
        }
        mc.handleClosed(this);
    }

    /** Called by the managed connection's cleanup: the handle dies without another event. */
    void invalidate() {
        WarrenSessionHandle s;
        synchronized (this) {
            closed = true;
            s = session;
            session = null;
        }
        if (s != null) {
            s.closeQuietly();
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw ContainerRestrictions.listenerForbidden("Connection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw ContainerRestrictions.listenerForbidden("Connection.createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw ContainerRestrictions.listenerForbidden("Connection.createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw ContainerRestrictions.listenerForbidden("Connection.createSharedDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw ContainerRestrictions.listenerForbidden("QueueConnection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw ContainerRestrictions.listenerForbidden("TopicConnection.createConnectionConsumer");
    }

    @Override
    public String toString() {
        return "WarrenConnectionHandle[" + (closed ? "closed" : mc) + "]";
    }
}
