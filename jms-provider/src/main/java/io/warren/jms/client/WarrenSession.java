package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import io.warren.jms.transport.PublishOutcome;
import io.warren.jms.destination.DestinationNames;
import io.warren.jms.destination.NameLimits;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.destination.WarrenTemporaryTopic;
import io.warren.jms.destination.WarrenTopic;
import io.warren.jms.message.MessageMapper;
import io.warren.jms.message.WarrenBytesMessage;
import io.warren.jms.message.WarrenMapMessage;
import io.warren.jms.message.WarrenMessage;
import io.warren.jms.message.WarrenObjectMessage;
import io.warren.jms.message.WarrenStreamMessage;
import io.warren.jms.message.WarrenTextMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
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
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionRolledBackException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JMS session over one {@link BrokerChannel}. Its {@link Acknowledgement} tracks what the application was
 * handed, its {@link ListenerDispatcher} runs message listeners, its {@link SessionTopology} maps destinations
 * and subscriptions onto queues; the session serialises listener delivery, recovery and closing through one
 * delivery lock.
 */
public class WarrenSession implements Session, QueueSession, TopicSession {
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    /** Which messaging domain the session was created for: a QueueSession or TopicSession refuses the other's. */
    enum Domain {
        ANY, QUEUE, TOPIC
    }

    private final WarrenConnection connection;
    private final int mode;
    private final Domain domain;
    private volatile BrokerChannel channel;
    private volatile Acknowledgement acknowledgement;
    private volatile SessionTopology topology;
    /** The current transaction sent or received something. */
    private volatile boolean txWork;
    /** The connection failed over while a transaction had work: its commit must fail. */
    private volatile boolean txLost;
    private final ListenerDispatcher dispatcher = new ListenerDispatcher(this);
    private final CopyOnWriteArrayList<WarrenMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final Set<WarrenQueueBrowser> browsers = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<WarrenMessageProducer> producers = new CopyOnWriteArrayList<>();
    /** Held while a listener runs, and by recover, rollback and close, so they never overlap a listener. */
    final Object deliveryLock = new Object();
    private final Object holdLock = new Object();
    /** Whether the channel holds deliveries because the connection is stopped (see {@link #matchDeliveryHold}). */
    private boolean deliveriesHeld;
    private final AsyncSends asyncSends = new AsyncSends(this, this::completions);
    private volatile boolean closing;
    private volatile boolean closed;
    private ExecutorService completions;
    private volatile MessageListener sessionListener;
    private final List<Message> loaded = new ArrayList<>();

    WarrenSession(WarrenConnection connection, int mode, Domain domain) throws JMSException {
        this.connection = connection;
        this.mode = mode;
        this.domain = domain;
        this.channel = connection.link().createChannel();
        try {
            if (mode == SESSION_TRANSACTED) {
                channel.txSelect();
            }
            this.acknowledgement = newAcknowledgement(channel);
        } catch (JMSException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.topology = new SessionTopology(channel, connection);
    }

    WarrenConnection connection() {
        return connection;
    }

    /** How this session acknowledges on {@code channel}: by its acknowledgement mode (an XA session differs). */
    Acknowledgement newAcknowledgement(BrokerChannel channel) throws JMSException {
        return Acknowledgement.forMode(mode, channel);
    }

    Acknowledgement acknowledgement() {
        return acknowledgement;
    }

    BrokerChannel channel() {
        return channel;
    }

    SessionTopology topology() {
        return topology;
    }

    List<WarrenMessageConsumer> consumers() {
        return consumers;
    }

    int mode() {
        return mode;
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        if (connection.isClosed()) {
            throw new IllegalStateException("connection is closed");
        }
        connection.checkNotLost();
    }

    boolean isListenerThread() {
        return ListenerDispatcher.current() == this;
    }

    /** Whether the current thread runs a message or completion listener of a session of {@code connection}. */
    static boolean isCallbackThreadOf(WarrenConnection connection) {
        WarrenSession l = ListenerDispatcher.current();
        WarrenSession c = AsyncSends.runningFor();
        return l != null && l.connection == connection || c != null && c.connection == connection;
    }

    /** Closed, or closing and waiting for a listener in progress: no further message may be handed out. */
    boolean isClosing() {
        return closing || closed;
    }

    boolean isCompletionThread() {
        return AsyncSends.runningFor() == this;
    }

    /** A QueueSession must refuse publish/subscribe operations, a TopicSession point-to-point ones. */
    private void checkDomain(Domain required, String operation) throws IllegalStateException {
        if (domain != Domain.ANY && domain != required) {
            throw new IllegalStateException(operation + " is not allowed on a " + (domain == Domain.QUEUE
                    ? "QueueSession" : "TopicSession") + ": use a Session from Connection.createSession");
        }
    }

    private void checkNotInCompletionListener(String operation) throws IllegalStateException {
        if (isCompletionThread()) {
            throw new IllegalStateException("a CompletionListener must not call " + operation + " on its own session");
        }
    }

    // ---- message factories -----------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new WarrenBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new WarrenMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new WarrenMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return newObjectMessage();
    }

    private WarrenObjectMessage newObjectMessage() {
        WarrenObjectMessage m = new WarrenObjectMessage();
        m.setPolicy(connection.objectPolicy());
        return m;
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkOpen();
        WarrenObjectMessage m = newObjectMessage();
        m.setObject(object);
        return m;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new WarrenStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new WarrenTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        WarrenTextMessage m = new WarrenTextMessage();
        m.setText(text);
        return m;
    }

    // ---- mode ------------------------------------------------------------------------------------------

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mode;
    }

    // ---- transactions and acknowledgement --------------------------------------------------------------

    @Override
    public void commit() throws JMSException {
        checkOpen();
        checkNotInCompletionListener("commit");
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException("commit is only allowed on a transacted session");
        }
        awaitPendingSends();
        if (txLost) {
            rollbackQuietly();
            throw new TransactionRolledBackException("the connection to the broker failed over during this"
                    + " transaction: its sends and receives were undone (received messages come again)");
        }
        PublishOutcome result;
        try {
            channel.ack(acknowledgement.takePending());
            result = channel.commit().get(60, TimeUnit.SECONDS);
        } catch (JMSException e) {
            throw rolledBack(e);
        } catch (ExecutionException e) {
            throw rolledBack(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsExceptions.withCause(new JMSException("interrupted while committing"), e);
        } catch (TimeoutException e) {
            throw JmsExceptions.withCause(new JMSException("commit failed: the broker did not answer within 60 s"),
                    e);
        }
        txWork = false;
        if (result == PublishOutcome.REJECTED) {
            throw new ResourceAllocationException("transaction committed, but a full queue (x-overflow"
                    + " reject-publish) refused at least one of its messages");
        }
    }

    private TransactionRolledBackException rolledBack(Throwable failure) {
        rollbackQuietly();
        txWork = false;
        return JmsExceptions.withCause(new TransactionRolledBackException("commit failed and the transaction"
                + " was rolled back: " + failure.getMessage()), failure);
    }

    private void rollbackQuietly() {
        try {
            rollbackInternal();
        } catch (RuntimeException | JMSException ignored) {
            // the commit failure is what the caller needs to know
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        checkNotInCompletionListener("rollback");
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException("rollback is only allowed on a transacted session");
        }
        awaitPendingSends();
        rollbackInternal();
    }

    private void rollbackInternal() throws JMSException {
        synchronized (deliveryLock) {
            txWork = false;
            txLost = false;
            channel.rollback();
            redeliverAll();
        }
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mode == SESSION_TRANSACTED) {
            throw new IllegalStateException("recover is not allowed on a transacted session: use rollback");
        }
        synchronized (deliveryLock) {
            redeliverAll();
        }
    }

    /**
     * Returns every message handed to the application and not yet acknowledged (as redelivered) together with
     * everything prefetched (not counted as delivered), so consumers see them again in queue order.
     */
    private void redeliverAll() throws JMSException {
        List<Long> delivered = acknowledgement.takePending();
        // DUPS_OK: what the application already received counts as acknowledged, lazily or not
        flushLazyAcks();
        channel.recover(delivered, () -> {
            List<Long> undelivered = new ArrayList<>();
            for (WarrenMessageConsumer c : consumers) {
                undelivered.addAll(tagsOnChannel(c.drainBuffer()));
            }
            return undelivered;
        });
    }

    /** Redelivers one message a listener failed on (AUTO/DUPS_OK), ahead of what its consumer prefetched. */
    void redeliverAfterListenerFailure(WarrenMessageConsumer consumer, Delivery failed) {
        if (!acknowledgement.forget(failed)) {
            return; // the listener called recover() before it failed: the message is back in its queue
        }
        try {
            channel.recover(tagsOnChannel(List.of(failed)), () -> tagsOnChannel(consumer.drainBuffer()));
        } catch (JMSException e) {
            connection.onAsyncException(e);
        }
    }

    /** Returns a message the application did not take, with what the consumer prefetched, uncounted. */
    void returnUnseen(WarrenMessageConsumer consumer, Delivery d) throws JMSException {
        channel.recover(List.of(), () -> {
            List<Long> undelivered = new ArrayList<>(tagsOnChannel(List.of(d)));
            undelivered.addAll(tagsOnChannel(consumer.drainBuffer()));
            return undelivered;
        });
    }

    /** Acknowledges every message the session handed out so far (CLIENT_ACKNOWLEDGE). */
    void acknowledgeConsumed() throws JMSException {
        if (closed) {
            throw new IllegalStateException("cannot acknowledge: the session is closed");
        }
        if (mode != CLIENT_ACKNOWLEDGE) {
            return;
        }
        channel.ack(acknowledgement.takePending());
    }

    /** The tags of the deliveries that came on the current channel (not before a fail-over). */
    List<Long> tagsOnChannel(List<Delivery> deliveries) {
        BrokerChannel current = channel;
        List<Long> tags = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            if (d.cameOn(current)) {
                tags.add(d.tag());
            }
        }
        return tags;
    }

    /** Called once a message is handed to the application by receive or just before a listener gets it. */
    void handedOut(Delivery d) throws JMSException {
        if (mode == SESSION_TRANSACTED) {
            txWork = true;
        }
        acknowledgement.handedOut(d);
    }

    boolean getTransactedQuietly() {
        return mode == SESSION_TRANSACTED;
    }

    /** A transacted session sent a message in its current transaction. */
    void sentInTransaction() {
        txWork = true;
    }

    /**
     * The connection failed over: a new channel replaces the lost one, with the same transaction and
     * acknowledgement mode, and every consumer subscribes again on it. What the old channel prefetched is
     * dropped (the broker gives it again); a transaction with work can no longer commit.
     */
    void failOver() throws JMSException {
        synchronized (deliveryLock) {
            if (closed) {
                return;
            }
            BrokerChannel fresh = connection.link().createChannel();
            try {
                if (mode == SESSION_TRANSACTED) {
                    fresh.txSelect();
                    txLost |= txWork;
                    txWork = false;
                }
                Acknowledgement ack = newAcknowledgement(fresh);
                BrokerChannel old = channel;
                synchronized (holdLock) {
                    channel = fresh;
                    deliveriesHeld = false;
                }
                acknowledgement = ack;
                topology = new SessionTopology(fresh, connection);
                old.close();
                matchDeliveryHold();
                for (WarrenMessageConsumer c : consumers) {
                    c.resubscribe();
                }
            } catch (JMSException | RuntimeException e) {
                fresh.close();
                throw e;
            }
        }
        scheduleDrain();
    }

    /** The broker stopped: wake every blocked receive, which returns null. */
    void connectionLost() {
        for (WarrenMessageConsumer c : consumers) {
            c.connectionLost();
        }
    }

    /** After receive returned or a listener completed: AUTO and DUPS_OK acknowledge now. */
    void completed(Delivery d) throws JMSException {
        acknowledgement.completed(d);
    }

    /** DUPS_OK: acknowledge what is pending when a consumer runs dry, so messages are not held long. */
    void flushLazyAcks() {
        try {
            acknowledgement.flushLazy();
        } catch (JMSException e) {
            connection.onAsyncException(e);
        }
    }

    /** Acknowledges a message that expired while buffered: it is dropped, never handed out. */
    void discardExpired(Delivery d) {
        if (!d.cameOn(channel)) {
            return;
        }
        try {
            channel.ack(List.of(d.tag()));
        } catch (JMSException e) {
            connection.onAsyncException(e);
        }
    }

    /** Converts a delivery to the JMS message the application sees. */
    WarrenMessage toJms(Delivery d) {
        WarrenMessage m = MessageMapper.fromBroker(d, connection.objectPolicy());
        if (mode == CLIENT_ACKNOWLEDGE) {
            m.setAcknowledger(this::acknowledgeConsumed);
        }
        return m;
    }

    // ---- listener thread -------------------------------------------------------------------------------

    /** Asks the session thread to deliver buffered messages to listeners. */
    void scheduleDrain() {
        dispatcher.scheduleDrain();
    }

    /** Runs a listener with the markers that let nested calls detect they are inside it. */
    void runListener(MessageListener listener, Message message) {
        dispatcher.run(listener, message);
    }

    void connectionStarted() throws JMSException {
        matchDeliveryHold();
        for (WarrenMessageConsumer c : consumers) {
            c.wake();
        }
        scheduleDrain();
    }

    /**
     * Holds the broker's deliveries to this session's consumers while the connection is stopped and lets them flow
     * while it is started: a stopped connection delivers nothing (6.1.5), so its consumers must not take messages
     * that a consumer of another connection could deliver. Called before a consumer subscribes and when the
     * connection starts or stops; it reads the connection's state under the lock, so racing calls leave the state
     * the connection has last. A session without consumers switches nothing.
     */
    void matchDeliveryHold() throws JMSException {
        synchronized (holdLock) {
            boolean hold = !connection.isStarted();
            if (hold == deliveriesHeld || (hold && consumers.isEmpty()) || closed || isClosing()) {
                return;
            }
            try {
                channel.holdDeliveries(hold);
            } catch (JMSException e) {
                if (closed || isClosing()) {
                    return; // closed meanwhile: its channel delivers nothing more anyway
                }
                throw e;
            }
            deliveriesHeld = hold;
        }
    }

    /** Waits until no listener of this session is running (connection stop). */
    void awaitListenerIdle() {
        synchronized (deliveryLock) {
            for (WarrenMessageConsumer c : consumers) {
                c.wake();
            }
        }
    }

    // ---- asynchronous send completion ------------------------------------------------------------------

    /** Calls the send's completion listener on the session's completion thread, in send order. */
    void trackAsync(CompletableFuture<PublishOutcome> future, Message message, jakarta.jms.CompletionListener listener) {
        asyncSends.track(future, message, listener);
    }

    private synchronized ExecutorService completions() {
        if (completions == null) {
            completions = ListenerDispatcher.singleThread("warren-completion-" + THREAD_NUMBERS.incrementAndGet());
        }
        return completions;
    }

    /** Waits for outstanding asynchronous sends (before commit, rollback and close, as the spec requires). */
    void awaitPendingSends() throws JMSException {
        asyncSends.awaitOutstanding();
    }

    // ---- destinations ----------------------------------------------------------------------------------

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "createQueue");
        WarrenQueue queue = new WarrenQueue(DestinationNames.queueName(queueName));
        NameLimits.check(queue);
        return queue;
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createTopic");
        WarrenTopic topic = new WarrenTopic(DestinationNames.topicName(topicName));
        NameLimits.check(topic);
        return topic;
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "createTemporaryQueue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createTemporaryTopic");
        return connection.createTemporaryTopic();
    }

    /**
     * Turns any destination (ours or another provider's) into ours; null stays null. Another provider's names are
     * checked as {@code createQueue} and {@code createTopic} check them.
     */
    static WarrenDestination resolve(Destination d) throws JMSException {
        if (d == null || d instanceof WarrenDestination) {
            return (WarrenDestination) d;
        }
        if (d instanceof Queue q) {
            return new WarrenQueue(DestinationNames.queueName(q.getQueueName()));
        }
        if (d instanceof Topic t) {
            return new WarrenTopic(DestinationNames.topicName(t.getTopicName()));
        }
        throw new InvalidDestinationException("unsupported destination type " + d.getClass().getName());
    }

    /** Prepares the broker side of a destination a producer sends to. */
    void prepareForSend(WarrenDestination d) throws JMSException {
        topology.prepareForSend(d);
    }

    /** Fails for a temporary destination that was deleted, or whose queue went with its connection. */
    void checkNotDeleted(WarrenDestination d) throws JMSException {
        topology.checkNotDeleted(d);
    }

    // ---- producers and consumers -----------------------------------------------------------------------

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        WarrenDestination d = resolve(destination);
        if (d != null) {
            prepareForSend(d);
        }
        WarrenMessageProducer p = new WarrenMessageProducer(this, d);
        producers.add(p);
        return p;
    }

    void producerClosed(WarrenMessageProducer p) {
        producers.remove(p);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        WarrenDestination d = checkConsumable(destination);
        String selector = blankToNull(messageSelector);
        SessionTopology.checkSelector(selector);
        if (d.isQueue()) {
            topology.checkBrokerCanFilter(selector, true);
            return register(new WarrenMessageConsumer(this, d, () -> {
                if (!(d instanceof WarrenTemporaryQueue)) {
                    topology.ensureQueue(d.name());
                }
                return d.name();
            }, selector, true, false, false, false));
        }
        topology.checkBrokerCanSkipLocal(noLocal);
        return register(new WarrenMessageConsumer(this, d,
                () -> topology.nonDurable((WarrenTopic) d, selector, connection.link().id()), selector, false,
                noLocal, false, false));
    }

    private WarrenDestination checkConsumable(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("destination must not be null");
        }
        WarrenDestination d = resolve(destination);
        checkNotDeleted(d);
        if (d.isTemporary() && !connection.owns(d)) {
            throw new InvalidDestinationException("temporary destination " + d
                    + " can only be consumed by the connection that created it");
        }
        connection.fixClientId();
        return d;
    }

    private static String blankToNull(String selector) {
        return selector == null || selector.isBlank() ? null : selector;
    }

    private WarrenMessageConsumer register(WarrenMessageConsumer c) throws JMSException {
        consumers.add(c);
        try {
            matchDeliveryHold();
            c.start();
        } catch (JMSException | RuntimeException e) {
            consumers.remove(c);
            throw e;
        }
        return c;
    }

    void consumerClosed(WarrenMessageConsumer c) {
        consumers.remove(c);
    }

    boolean hasConsumerOn(WarrenDestination d) {
        for (WarrenMessageConsumer c : consumers) {
            if (d.equals(c.destination())) {
                return true;
            }
        }
        return false;
    }

    private WarrenTopic topicOf(Topic topic) throws JMSException {
        WarrenDestination d = checkConsumable(topic);
        if (!(d instanceof WarrenTopic t)) {
            throw new InvalidDestinationException(d + " is not a topic");
        }
        return t;
    }

    /** A durable subscription outlives connections, so it cannot be on a temporary topic. */
    private WarrenTopic durableTopicOf(Topic topic) throws JMSException {
        WarrenTopic t = topicOf(topic);
        if (t.isTemporary()) {
            throw new InvalidDestinationException("cannot create a durable subscription on temporary topic " + t
                    + ": use a non-durable subscriber, or a named topic");
        }
        return t;
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createSharedConsumer");
        WarrenTopic t = topicOf(topic);
        String selector = blankToNull(messageSelector);
        String clientId = connection.getClientID();
        return register(new WarrenMessageConsumer(this, t,
                () -> topology.sharedNonDurable(clientId, sharedSubscriptionName, t, selector), selector, false,
                false, false, false));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createDurableSubscriber");
        WarrenTopic t = durableTopicOf(topic);
        String clientId = connection.getClientID();
        if (clientId == null) {
            throw new IllegalStateException("an unshared durable subscription needs a client ID: set one on the"
                    + " connection or connection factory");
        }
        String selector = blankToNull(messageSelector);
        topology.checkBrokerCanSkipLocal(noLocal);
        return register(new WarrenMessageConsumer(this, t,
                () -> topology.durable(clientId, name, t, selector, noLocal, false), selector, false, noLocal, true,
                true));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "createSharedDurableConsumer");
        WarrenTopic t = durableTopicOf(topic);
        String selector = blankToNull(messageSelector);
        String clientId = connection.getClientID();
        return register(new WarrenMessageConsumer(this, t,
                () -> topology.durable(clientId, name, t, selector, false, true), selector, false, false, true,
                false));
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "unsubscribe");
        connection.fixClientId();
        String queue = SessionTopology.durableQueueName(connection.getClientID(), name);
        for (WarrenSession s : connection.sessions()) {
            for (WarrenMessageConsumer c : s.consumers) {
                if (queue.equals(c.queueName())) {
                    throw new IllegalStateException("cannot unsubscribe '" + name + "': a consumer of this"
                            + " connection is still open on it");
                }
            }
        }
        topology.unsubscribe(connection.getClientID(), name);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "createBrowser");
        WarrenDestination d = checkConsumable(queue);
        String selector = blankToNull(messageSelector);
        SessionTopology.checkSelector(selector);
        topology.checkBrokerCanBrowse();
        if (!(d instanceof WarrenTemporaryQueue)) {
            topology.ensureQueue(d.name());
        }
        WarrenQueueBrowser browser = new WarrenQueueBrowser(this, (Queue) d, selector);
        browsers.add(browser);
        return browser;
    }

    void browserClosed(WarrenQueueBrowser browser) {
        browsers.remove(browser);
    }

    // ---- QueueSession / TopicSession -------------------------------------------------------------------

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return (TopicSubscriber) createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return (TopicSubscriber) createConsumer(topic, messageSelector, noLocal);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    // ---- application server facilities (ConnectionConsumer) --------------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return sessionListener;
    }

    /** The listener {@link #run()} hands loaded messages to (application server facilities). */
    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        this.sessionListener = listener;
    }

    /** Queues a message for {@link #run()} (called by a connection consumer). */
    void load(Message message) {
        synchronized (loaded) {
            loaded.add(message);
        }
    }

    @Override
    public void run() {
        List<Message> batch;
        synchronized (loaded) {
            batch = new ArrayList<>(loaded);
            loaded.clear();
        }
        MessageListener l = sessionListener;
        for (Message m : batch) {
            if (l != null) {
                synchronized (deliveryLock) {
                    runListener(l, m);
                }
            }
        }
    }

    // ---- close -----------------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (isListenerThread()) {
            throw new IllegalStateException("a MessageListener must not close its own session");
        }
        checkNotInCompletionListener("close");
        closeInternal();
    }

    void closeFromConnection() throws JMSException {
        closeInternal();
    }

    private void closeInternal() throws JMSException {
        if (closed) {
            return;
        }
        closing = true;
        try {
            awaitPendingSends();
        } catch (JMSException e) {
            // closing anyway
        }
        synchronized (deliveryLock) {
            if (closed) {
                return;
            }
            for (WarrenMessageConsumer c : List.copyOf(consumers)) {
                c.closeInternal();
            }
            for (WarrenQueueBrowser b : browsers) {
                b.closeInternal();
            }
            flushLazyAcks();
            closed = true;
            for (WarrenMessageProducer p : List.copyOf(producers)) {
                p.markClosed();
            }
        }
        beforeChannelClose();
        channel.close();
        dispatcher.shutdown();
        synchronized (this) {
            if (completions != null) {
                completions.shutdown();
            }
        }
        connection.sessionClosed(this);
    }

    /** The session is closed and its channel about to close (an XA session ends its branch association here). */
    void beforeChannelClose() {
    }

    @Override
    public String toString() {
        return "WarrenSession[" + channel + ", mode=" + mode + "]";
    }
}
