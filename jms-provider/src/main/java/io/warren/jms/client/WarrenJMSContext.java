package io.warren.jms.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simplified API: a connection and one session in one object, with unchecked exceptions. Contexts made
 * with {@link #createContext(int)} share the connection, which closes with the last of them.
 */
public class WarrenJMSContext implements JMSContext {
    private final WarrenConnection connection;
    private final AtomicInteger connectionUsers;
    private final int sessionMode;
    private volatile WarrenSession session;
    private volatile boolean autoStart = true;
    private volatile boolean closed;

    public WarrenJMSContext(WarrenConnection connection, int sessionMode, boolean newConnection) {
        this(connection, sessionMode, new AtomicInteger(1));
    }

    private WarrenJMSContext(WarrenConnection connection, int sessionMode, AtomicInteger users) {
        this.connection = connection;
        this.sessionMode = sessionMode;
        this.connectionUsers = users;
    }

    /** Validates a session mode for {@code createContext}. */
    public static void checkSessionMode(int mode) {
        if (mode != AUTO_ACKNOWLEDGE && mode != CLIENT_ACKNOWLEDGE && mode != DUPS_OK_ACKNOWLEDGE
                && mode != SESSION_TRANSACTED) {
            throw new JMSRuntimeException("invalid session mode " + mode + ": expected AUTO_ACKNOWLEDGE,"
                    + " CLIENT_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE or SESSION_TRANSACTED");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("JMSContext is closed");
        }
    }

    WarrenSession session() {
        checkOpen();
        WarrenSession s = session;
        if (s == null) {
            synchronized (this) {
                s = session;
                if (s == null) {
                    try {
                        s = openSession(connection, sessionMode);
                    } catch (JMSException e) {
                        throw JmsExceptions.toRuntime(e);
                    }
                    session = s;
                }
            }
        }
        return s;
    }

    /** The context's session, opened on first use: an XA context opens an XA session. */
    WarrenSession openSession(WarrenConnection connection, int sessionMode) throws JMSException {
        return (WarrenSession) connection.createSession(sessionMode);
    }

    private void autoStart() {
        if (autoStart) {
            try {
                connection.start();
            } catch (JMSException e) {
                throw JmsExceptions.toRuntime(e);
            }
        }
    }

    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        checkSessionMode(mode);
        connectionUsers.incrementAndGet();
        return new WarrenJMSContext(connection, mode, connectionUsers);
    }

    @Override
    public JMSProducer createProducer() {
        return new WarrenJMSProducer(this, session());
    }

    @Override
    public String getClientID() {
        checkOpen();
        return call(connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        run(() -> connection.setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return call(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return call(connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        run(() -> connection.setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen();
        run(connection::start);
    }

    /** See {@link WarrenConnection#stop()}: allowed from a CompletionListener, not from a MessageListener. */
    @Override
    public void stop() {
        checkOpen();
        run(connection::stop);
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    @Override
    public void close() {
        WarrenSession s = session;
        if (s != null && (s.isListenerThread() || s.isCompletionThread())) {
            throw new IllegalStateRuntimeException("a listener must not close its own JMSContext");
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        run(() -> {
            if (s != null) {
                s.close();
            }
            if (connectionUsers.decrementAndGet() == 0) {
                connection.close();
            }
        });
    }

    @Override
    public BytesMessage createBytesMessage() {
        return call(() -> session().createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage() {
        return call(() -> session().createMapMessage());
    }

    @Override
    public Message createMessage() {
        return call(() -> session().createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return call(() -> session().createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return call(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return call(() -> session().createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage() {
        return call(() -> session().createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return call(() -> session().createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        return call(() -> session().getTransacted());
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        run(() -> session().commit());
    }

    @Override
    public void rollback() {
        run(() -> session().rollback());
    }

    @Override
    public void recover() {
        run(() -> session().recover());
    }

    @Override
    public void acknowledge() {
        WarrenSession s = session();
        if (sessionMode == CLIENT_ACKNOWLEDGE) {
            run(s::acknowledgeConsumed);
        }
    }

    private JMSConsumer consumer(JmsCall<jakarta.jms.MessageConsumer> create) {
        // started first, the consumer subscribes with deliveries flowing rather than held and then released
        autoStart();
        WarrenMessageConsumer c = (WarrenMessageConsumer) call(create);
        return new WarrenJMSConsumer(c);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(() -> session().createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(() -> session().createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(() -> session().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public Queue createQueue(String queueName) {
        return call(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return call(() -> session().createTopic(topicName));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(() -> session().createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(() -> session().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return call(() -> session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return call(() -> session().createBrowser(queue, messageSelector));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return call(() -> session().createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return call(() -> session().createTemporaryTopic());
    }

    @Override
    public void unsubscribe(String name) {
        run(() -> session().unsubscribe(name));
    }

    /** A JMS call that may throw a checked {@code JMSException}. */
    @FunctionalInterface
    interface JmsCall<T> {
        T call() throws JMSException;
    }

    /** A JMS action that may throw a checked {@code JMSException}. */
    @FunctionalInterface
    interface JmsRun {
        void run() throws JMSException;
    }

    static <T> T call(JmsCall<T> c) {
        try {
            return c.call();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    static void run(JmsRun r) {
        try {
            r.run();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }
}
