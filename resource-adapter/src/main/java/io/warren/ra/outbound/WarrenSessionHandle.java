package io.warren.ra.outbound;

import io.warren.ra.ContainerRestrictions;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Session} an application gets from a {@link WarrenConnectionHandle}. Each call works on the managed
 * connection's physical session for the transaction active at that moment ({@link TransactionMode}), so a session
 * made before a bean-managed {@code UserTransaction.begin()} works inside the transaction after it. It reports that
 * mode's transacted flag and acknowledge mode, and refuses {@code commit}/{@code rollback} and message listeners
 * as a container must. The physical sessions outlive it in the pool, so closing it closes only what it created:
 * consumers, producers, browsers and temporary destinations.
 *
 * <p>Threads: one application thread at a time, as any session.
 */
public final class WarrenSessionHandle implements QueueSession, TopicSession {
    private final WarrenConnectionHandle connection;
    /** AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE: how the session acknowledges outside a transaction. */
    private final int acknowledgeMode;
    private final List<AutoCloseable> created = new ArrayList<>();
    private volatile boolean closed;

    WarrenSessionHandle(WarrenConnectionHandle connection, int acknowledgeMode) {
        this.connection = connection;
        this.acknowledgeMode = acknowledgeMode;
    }

    /** The transaction the managed connection under this session is in now. */
    private TransactionMode mode() {
        return connection.managedConnection().mode();
    }

    private Session open() throws JMSException {
        if (closed || connection.isClosed()) {
            throw new IllegalStateException("this session is closed", "ECLOSED");
        }
        WarrenManagedConnection mc = connection.managedConnection();
        return mc.mode().physicalSession(mc, acknowledgeMode);
    }

    private synchronized <T extends AutoCloseable> T track(T resource) {
        created.add(resource);
        return resource;
    }

    synchronized void untrack(AutoCloseable resource) {
        created.remove(resource);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closeQuietly();
        connection.sessionClosed(this);
    }

    /** Closes what this session created, in reverse order, and marks it closed. */
    void closeQuietly() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(created);
            created.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception ignored) {
                // Best effort: the physical session stays usable for the pool either way.
            }
        }
    }

    @Override
    public boolean getTransacted() throws JMSException {
        open();
        return mode().transacted();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        open();
        return mode().acknowledgeMode(acknowledgeMode);
    }

    @Override
    public void commit() throws JMSException {
        open();
        throw mode().commitOrRollbackRefused("commit");
    }

    @Override
    public void rollback() throws JMSException {
        open();
        throw mode().commitOrRollbackRefused("rollback");
    }

    @Override
    public void recover() throws JMSException {
        if (mode().transacted()) {
            throw new IllegalStateException("Session.recover is not allowed inside a transaction", "ETRANSACTED");
        }
        open().recover();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        throw ContainerRestrictions.listenerForbidden("Session.getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        throw ContainerRestrictions.listenerForbidden("Session.setMessageListener");
    }

    @Override
    public void run() {
        throw new jakarta.jms.IllegalStateRuntimeException(
                ContainerRestrictions.listenerForbidden("Session.run").getMessage());
    }

    // Messages and destinations: straight to the physical session.

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        return open().createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        return open().createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        return open().createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        return open().createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        return open().createObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        return open().createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        return open().createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        return open().createTextMessage(text);
    }

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        return open().createQueue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        return open().createTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        TemporaryQueue q = open().createTemporaryQueue();
        track(q::delete);
        return q;
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        TemporaryTopic t = open().createTemporaryTopic();
        track(t::delete);
        return t;
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        open().unsubscribe(name);
    }

    // Producers, consumers and browsers: tracked, so closing the session closes them.

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        return producer(open().createProducer(destination));
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return producer(open().createProducer(queue));
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return producer(open().createProducer(topic));
    }

    private WarrenProducerHandle producer(MessageProducer p) {
        return track(new WarrenProducerHandle(this, p));
    }

    private WarrenConsumerHandle consumer(MessageConsumer c) {
        return track(new WarrenConsumerHandle(this, c));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return consumer(open().createConsumer(destination));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return consumer(open().createConsumer(destination, messageSelector));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        return consumer(open().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return consumer(open().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        return consumer(open().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return consumer(open().createDurableSubscriber(topic, name));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return consumer(open().createDurableSubscriber(topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return consumer(open().createDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return consumer(open().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return consumer(open().createSharedDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        return consumer(open().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return consumer(open().createConsumer(queue));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return consumer(open().createConsumer(queue, messageSelector));
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return consumer(open().createConsumer(topic));
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return consumer(open().createConsumer(topic, messageSelector, noLocal));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return track(open().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        return track(open().createBrowser(queue, messageSelector));
    }

    @Override
    public String toString() {
        return "WarrenSessionHandle[" + mode() + (closed ? ", closed" : "") + "]";
    }
}
