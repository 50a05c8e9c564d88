package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.ErrorCodes;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.destination.WarrenTemporaryTopic;
import io.warren.jms.message.ObjectLimits;
import io.warren.jms.message.ObjectMessagePolicy;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JMS connection: one {@link BrokerConnection} of the URL's transport, whose channels back this connection's
 * sessions. Created stopped, as the specification requires; {@link #start()} begins delivery.
 */
public class WarrenConnection implements Connection, QueueConnection, TopicConnection {
    private static final AtomicLong TEMP_NAMES = new AtomicLong();

    private final ClientOptions options;
    private volatile BrokerConnection link;
    private final String user;
    private final String password;
    private final ConnectionFailover failover;
    private final ObjectMessagePolicy objectPolicy;
    private final CopyOnWriteArrayList<WarrenSession> sessions = new CopyOnWriteArrayList<>();
    private final Set<WarrenDestination> temporaries = ConcurrentHashMap.newKeySet();
    private final Object stateLock = new Object();
    private volatile String clientId;
    private volatile boolean clientIdFixed;
    private volatile boolean started;
    private volatile boolean closing;
    private volatile boolean closed;
    private volatile ExceptionListener exceptionListener;
    private volatile String lostReason;
    private boolean queueOnly;
    private BrokerChannel management;

    WarrenConnection(ClientOptions options, BrokerConnection link, String user, String password) {
        this.options = options;
        this.link = link;
        this.user = user;
        this.password = password;
        this.objectPolicy = ObjectMessagePolicy.trusting(options.trustedPackages())
                .withLimits(ObjectLimits.fromOption(options.url().option(ObjectLimits.OPTION)));
        this.failover = new ConnectionFailover(this, options);
        link.onLost(reason -> linkLost(link, reason));
    }

    /**
     * The broker or the network ended a link: when it is this connection's current one, fail over if the URL asks
     * for it, else the loss is final. (A link already replaced by fail-over is of no concern.)
     */
    void linkLost(BrokerConnection lostLink, String reason) {
        if (closing || closed || lostLink != link) {
            return;
        }
        if (!failover.begin(reason)) {
            lost(reason);
        }
    }

    /**
     * The broker is gone for good: receivers wake up empty-handed, later calls fail, and the exception listener
     * hears why (JMS 6.1.8).
     */
    void lost(String reason) {
        lostReason = reason;
        started = false;
        for (WarrenSession s : sessions) {
            s.connectionLost();
        }
        onAsyncException(new JMSException("connection lost: " + reason, ErrorCodes.CONNECTION_LOST));
    }

    /** Opens a connection with the given options; a configured client ID is claimed at once. */
    public static WarrenConnection open(ClientOptions options, String user, String password) throws JMSException {
        return open(options, user, password, WarrenConnection::new);
    }

    /** How {@link #open} makes the connection object: a plain or an XA connection. */
    interface Maker<C extends WarrenConnection> {
        C make(ClientOptions options, BrokerConnection link, String user, String password);
    }

    static <C extends WarrenConnection> C open(ClientOptions options, String user, String password, Maker<C> maker)
            throws JMSException {
        BrokerConnection link;
        try {
            link = Transports.connect(options, user, password);
        } catch (IllegalArgumentException e) {
            throw JmsExceptions.withCause(new JMSException(e.getMessage()), e);
        }
        C made = maker.make(options, link, user, password);
        WarrenConnection c = made;
        if (options.clientId() != null) {
            try {
                c.claimClientId(options.clientId());
            } catch (JMSException | RuntimeException e) {
                link.close();
                throw e;
            }
            c.clientIdFixed = true;
        }
        return made;
    }

    private void claimClientId(String id) throws JMSException {
        if (id == null || id.isEmpty()) {
            throw new InvalidClientIDException("client ID must not be null or empty");
        }
        takeClientId(link, id);
        clientId = id;
    }

    /** Claims the client ID on a link, or only takes it when this connection's options share it. */
    void takeClientId(BrokerConnection on, String id) throws JMSException {
        if (options.sharedClientId()) {
            on.shareClientId(id);
        } else {
            on.claimClientId(id);
        }
    }

    ClientOptions options() {
        return options;
    }

    BrokerConnection link() {
        return link;
    }

    ConnectionFailover failover() {
        return failover;
    }

    /** A new link to the URL's broker, with the credentials this connection was opened with. */
    BrokerConnection reconnect() throws JMSException {
        return Transports.connect(options, user, password);
    }

    /** Puts a new link in place (fail-over); returns the old one. */
    synchronized BrokerConnection replaceLink(BrokerConnection fresh) {
        BrokerConnection old = link;
        link = fresh;
        management = null;
        return old;
    }

    String clientIdOrNull() {
        return clientId;
    }

    List<WarrenDestination> temporaries() {
        return List.copyOf(temporaries);
    }

    /** Closing or closed. */
    boolean isClosing() {
        return closing || closed;
    }

    /** The broker is gone for good (no fail-over, or it gave up). */
    boolean isLost() {
        return lostReason != null;
    }

    ObjectMessagePolicy objectPolicy() {
        return objectPolicy;
    }

    boolean isStarted() {
        return started;
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() throws IllegalStateException {
        // While close waits for running listeners, they keep the full services of the connection.
        if (closed || closing && !WarrenSession.isCallbackThreadOf(this)) {
            throw new IllegalStateException("connection is closed");
        }
        checkNotLost();
    }

    /** Fails once the broker has gone away under this connection. */
    void checkNotLost() throws IllegalStateException {
        if (lostReason != null) {
            throw new IllegalStateException("connection lost: " + lostReason + "; close it and connect again");
        }
    }

    /** Marks a connection made by {@code createQueueConnection}, which refuses topic-only methods. */
    public void markQueueConnection() {
        queueOnly = true;
    }

    private void checkTopicAllowed(String operation) throws IllegalStateException {
        if (queueOnly) {
            throw new IllegalStateException(operation + " is not allowed on a QueueConnection");
        }
    }

    /** Once the connection was used, its client ID can no longer be set. */
    void fixClientId() {
        clientIdFixed = true;
    }

    /** A channel for declarations that need no session (temporary destinations, unsubscribe). */
    synchronized BrokerChannel managementChannel() throws JMSException {
        if (management == null) {
            management = link.createChannel();
        }
        return management;
    }

    // ---- sessions --------------------------------------------------------------------------------------

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, WarrenSession.Domain.ANY);
    }

    private WarrenSession createSession(boolean transacted, int acknowledgeMode, WarrenSession.Domain domain)
            throws JMSException {
        checkOpen();
        fixClientId();
        int mode = transacted ? Session.SESSION_TRANSACTED : acknowledgeMode;
        if (mode != Session.SESSION_TRANSACTED && mode != Session.AUTO_ACKNOWLEDGE
                && mode != Session.CLIENT_ACKNOWLEDGE && mode != Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("invalid acknowledge mode " + acknowledgeMode
                    + ": expected AUTO_ACKNOWLEDGE, CLIENT_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE or SESSION_TRANSACTED");
        }
        return register(new WarrenSession(this, mode, domain));
    }

    /** Adds a new session to this connection, closing it again when the connection closed meanwhile. */
    <S extends WarrenSession> S register(S s) throws JMSException {
        sessions.add(s);
        if (closed || closing && !WarrenSession.isCallbackThreadOf(this)) {
            s.close();
            throw new IllegalStateException("connection is closed");
        }
        return s;
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, WarrenSession.Domain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, WarrenSession.Domain.TOPIC);
    }

    void sessionClosed(WarrenSession session) {
        sessions.remove(session);
    }

    List<WarrenSession> sessions() {
        return sessions;
    }

    // ---- client ID, metadata, exception listener -------------------------------------------------------

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    @Override
    public void setClientID(String id) throws JMSException {
        checkOpen();
        synchronized (stateLock) {
            if (clientIdFixed) {
                throw new IllegalStateException("client ID can only be set right after the connection is created,"
                        + " before any other call on it" + (clientId != null ? " (it is '" + clientId + "')" : ""));
            }
            claimClientId(id);
            clientIdFixed = true;
        }
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return WarrenConnectionMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        fixClientId();
        this.exceptionListener = listener;
    }

    /** Reports an asynchronous failure to the exception listener, if any. */
    void onAsyncException(JMSException e) {
        ExceptionListener l = exceptionListener;
        if (l != null) {
            try {
                l.onException(e);
            } catch (RuntimeException ignored) {
                // a failing listener must not break delivery
            }
        }
    }

    // ---- start / stop / close --------------------------------------------------------------------------

    @Override
    public void start() throws JMSException {
        checkOpen();
        fixClientId();
        synchronized (stateLock) {
            if (started) {
                return;
            }
            started = true;
        }
        for (WarrenSession s : sessions) {
            s.connectionStarted();
        }
    }

    /**
     * Stops delivery and waits for the message listeners in progress. A MessageListener of this connection may not
     * call it: it would wait for itself. A CompletionListener may, as the specification forbids it only close,
     * commit and rollback: it runs on its session's completion thread, not the listener thread, so the wait ends
     * when the listeners return. (A listener of the same session that commits waits for that very callback; its
     * commit fails once the wait for pending sends times out, and stop then returns.)
     */
    @Override
    public void stop() throws JMSException {
        checkOpen();
        fixClientId();
        for (WarrenSession s : sessions) {
            if (s.isListenerThread()) {
                throw new IllegalStateException("a MessageListener must not stop its own connection");
            }
        }
        synchronized (stateLock) {
            started = false;
        }
        for (WarrenSession s : sessions) {
            s.matchDeliveryHold();
        }
        for (WarrenSession s : sessions) {
            s.awaitListenerIdle();
        }
    }

    @Override
    public void close() throws JMSException {
        for (WarrenSession s : sessions) {
            if (s.isListenerThread()) {
                throw new IllegalStateException("a MessageListener must not close its own connection");
            }
            if (s.isCompletionThread()) {
                throw new IllegalStateException("a CompletionListener must not close its own connection");
            }
        }
        synchronized (stateLock) {
            if (closed || closing) {
                return;
            }
            started = false;
            closing = true;
        }
        for (WarrenSession s : List.copyOf(sessions)) {
            s.closeFromConnection();
        }
        closed = true;
        link.close();
    }

    // ---- temporary destinations ------------------------------------------------------------------------

    WarrenTemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        String name = "warren.temp-queue." + link.id() + "." + TEMP_NAMES.incrementAndGet();
        managementChannel().declareQueue(name, false, true, false, SessionTopology.QUEUE_ARGUMENTS);
        WarrenTemporaryQueue q = new WarrenTemporaryQueue(name, this);
        temporaries.add(q);
        return q;
    }

    WarrenTemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        WarrenTemporaryTopic t = new WarrenTemporaryTopic("warren.temp-topic." + link.id() + "."
                + TEMP_NAMES.incrementAndGet(), this);
        temporaries.add(t);
        return t;
    }

    /** Whether this connection created the temporary destination (only it may consume from it). */
    boolean owns(Destination d) {
        return temporaries.contains(d);
    }

    /** Deletes a temporary destination; fails while consumers of this connection use it. */
    public void deleteTemporary(WarrenDestination d) throws JMSException {
        checkOpen();
        for (WarrenSession s : sessions) {
            if (s.hasConsumerOn(d)) {
                throw new IllegalStateException("cannot delete " + d + ": it still has consumers");
            }
        }
        if (d instanceof Queue) {
            try {
                managementChannel().deleteQueue(d.name(), true);
            } catch (JMSException e) {
                if (!ErrorCodes.NOT_FOUND.equals(e.getErrorCode())) {
                    throw e;
                }
            }
        } else if (!(d instanceof Topic)) {
            throw new IllegalStateException("not a temporary destination: " + d);
        }
        temporaries.remove(d);
    }

    boolean isDeletedTemporary(WarrenDestination d) {
        return d.isTemporary() && ((d instanceof WarrenTemporaryQueue q && q.owner() == this
                || d instanceof WarrenTemporaryTopic t && t.owner() == this) && !temporaries.contains(d));
    }

    // ---- server session pools (application server integration) ----------------------------------------

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        checkOpen();
        return new WarrenConnectionConsumer(this, destination, messageSelector, null, false, sessionPool);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) queue, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
                                                             String messageSelector, ServerSessionPool sessionPool,
                                                             int maxMessages) throws JMSException {
        checkOpen();
        checkTopicAllowed("createSharedConnectionConsumer");
        return new WarrenConnectionConsumer(this, topic, messageSelector, subscriptionName, false, sessionPool);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                              String messageSelector, ServerSessionPool sessionPool,
                                                              int maxMessages) throws JMSException {
        checkOpen();
        checkTopicAllowed("createDurableConnectionConsumer");
        return new WarrenConnectionConsumer(this, topic, messageSelector, subscriptionName, true, sessionPool);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        checkOpen();
        checkTopicAllowed("createSharedDurableConnectionConsumer");
        return new WarrenConnectionConsumer(this, topic, messageSelector, subscriptionName, true, sessionPool);
    }

    @Override
    public String toString() {
        return "WarrenConnection[" + link.id() + (clientId != null ? ", clientID=" + clientId : "") + "]";
    }
}
