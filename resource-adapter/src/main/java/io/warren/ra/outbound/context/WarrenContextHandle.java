package io.warren.ra.outbound.context;

import io.warren.ra.ContainerRestrictions;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;

/**
 * The {@code JMSContext} an application gets from the adapter's connection factory: a pooled connection handle and
 * its one session, behind the simplified API. It behaves as the classic handles do in a container (the transaction
 * decides the session mode; {@code setClientID}, {@code setExceptionListener}, {@code stop},
 * {@code createContext} and listeners are refused, §12.2), and closing it gives the connection back to the pool.
 *
 * <p>Threads: one application thread at a time, as any {@code JMSContext}.
 */
public final class WarrenContextHandle implements JMSContext {
    private final Connection connection;
    private final int sessionMode;
    private Session session;
    private boolean autoStart = true;
    private boolean closed;

    /**
     * @param connection  a connection handle of the adapter; the context owns it and closes it
     * @param sessionMode the mode asked for, which counts outside a transaction (AUTO or DUPS_OK acknowledge)
     */
    public WarrenContextHandle(Connection connection, int sessionMode) {
        this.connection = connection;
        this.sessionMode = sessionMode;
    }

    private synchronized Session session() {
        if (closed) {
            throw new IllegalStateRuntimeException("this JMSContext is closed");
        }
        if (session == null) {
            session = Unchecked.call(() -> connection.createSession(sessionMode));
        }
        return session;
    }

    private void startIfAuto() {
        if (autoStart) {
            Unchecked.run(connection::start);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Unchecked.run(connection::close);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        throw ContainerRestrictions.forbiddenRuntime("JMSContext.createContext",
                "create another context from the connection factory");
    }

    @Override
    public JMSProducer createProducer() {
        return new SessionJMSProducer(session());
    }

    @Override
    public String getClientID() {
        session();
        return Unchecked.call(connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        throw ContainerRestrictions.forbiddenRuntime("JMSContext.setClientID", "set clientID on the connection pool");
    }

    @Override
    public ConnectionMetaData getMetaData() {
        session();
        return Unchecked.call(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        session();
        return null;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        throw ContainerRestrictions.forbiddenRuntime("JMSContext.setExceptionListener",
                "the server's pool handles connection failures");
    }

    @Override
    public void start() {
        session();
        Unchecked.run(connection::start);
    }

    @Override
    public void stop() {
        throw ContainerRestrictions.forbiddenRuntime("JMSContext.stop", "close the context instead");
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        return autoStart;
    }

    @Override
    public BytesMessage createBytesMessage() {
        return Unchecked.call(session()::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return Unchecked.call(session()::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return Unchecked.call(session()::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return Unchecked.call(session()::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        Session s = session();
        return Unchecked.call(() -> s.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return Unchecked.call(session()::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return Unchecked.call(session()::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        Session s = session();
        return Unchecked.call(() -> s.createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        return Unchecked.call(session()::getTransacted);
    }

    @Override
    public int getSessionMode() {
        Session s = session();
        return Unchecked.call(() -> s.getTransacted() ? SESSION_TRANSACTED : s.getAcknowledgeMode());
    }

    @Override
    public void commit() {
        Unchecked.run(session()::commit);
    }

    @Override
    public void rollback() {
        Unchecked.run(session()::rollback);
    }

    @Override
    public void recover() {
        Unchecked.run(session()::recover);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(() -> s.createConsumer(destination))));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(() -> s.createConsumer(destination, messageSelector))));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(
                () -> s.createConsumer(destination, messageSelector, noLocal))));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(
                () -> s.createSharedConsumer(topic, sharedSubscriptionName))));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(
                () -> s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector))));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(() -> s.createDurableConsumer(topic, name))));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(
                () -> s.createDurableConsumer(topic, name, messageSelector, noLocal))));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(() -> s.createSharedDurableConsumer(topic, name))));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        Session s = session();
        return started(new SessionJMSConsumer(Unchecked.call(
                () -> s.createSharedDurableConsumer(topic, name, messageSelector))));
    }

    private JMSConsumer started(JMSConsumer consumer) {
        startIfAuto();
        return consumer;
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        Session s = session();
        return Unchecked.call(() -> s.createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        Session s = session();
        return Unchecked.call(() -> s.createBrowser(queue, messageSelector));
    }

    @Override
    public Queue createQueue(String queueName) {
        Session s = session();
        return Unchecked.call(() -> s.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        Session s = session();
        return Unchecked.call(() -> s.createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return Unchecked.call(session()::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return Unchecked.call(session()::createTemporaryTopic);
    }

    @Override
    public void unsubscribe(String name) {
        Session s = session();
        Unchecked.run(() -> s.unsubscribe(name));
    }

    /** Ignored: a container-managed session is never in CLIENT_ACKNOWLEDGE mode. */
    @Override
    public void acknowledge() {
        session();
    }
}
