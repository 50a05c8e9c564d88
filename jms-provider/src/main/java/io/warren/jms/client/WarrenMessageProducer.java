package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.PublishOutcome;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.message.MessageMapper;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JMS producer: sets the send-time headers on the message, maps it to a broker message and publishes it on
 * the session's channel. A persistent send returns once the broker has stored the message; with a
 * {@link CompletionListener} it returns at once and the listener is told on the session's completion thread.
 */
public class WarrenMessageProducer implements MessageProducer, QueueSender, TopicPublisher {
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final WarrenSession session;
    private final WarrenDestination destination;
    private final String idPrefix = "ID:" + UUID.randomUUID() + ":";
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;
    private boolean disableMessageId;
    private boolean disableTimestamp;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;

    WarrenMessageProducer(WarrenSession session, WarrenDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("producer is closed");
        }
        session.checkOpen();
    }

    void markClosed() {
        closed = true;
    }

    // ---- options ---------------------------------------------------------------------------------------

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableTimestamp;
    }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        checkOpen();
        checkDeliveryMode(deliveryMode);
        this.deliveryMode = deliveryMode;
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int priority) throws JMSException {
        checkOpen();
        checkPriority(priority);
        this.priority = priority;
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long timeToLive) throws JMSException {
        checkOpen();
        this.timeToLive = timeToLive;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long deliveryDelay) throws JMSException {
        checkOpen();
        this.deliveryDelay = deliveryDelay;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        return (Queue) getDestination();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return (Topic) getDestination();
    }

    static void checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("invalid delivery mode " + mode + ": expected DeliveryMode.PERSISTENT (2) or"
                    + " DeliveryMode.NON_PERSISTENT (1)");
        }
    }

    static void checkPriority(int priority) throws JMSException {
        if (priority < 0 || priority > 9) {
            throw new JMSException("invalid priority " + priority + ": JMS priorities are 0 to 9");
        }
    }

    // ---- send ------------------------------------------------------------------------------------------

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        checkOpen();
        requireOwnDestination();
        doSend(destination, message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Destination destination, Message message) throws JMSException {
        send(destination, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        checkOpen();
        doSend(explicitDestination(destination), message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Message message, CompletionListener completionListener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive,
                     CompletionListener completionListener) throws JMSException {
        checkOpen();
        requireOwnDestination();
        requireListener(completionListener);
        doSend(destination, message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Destination destination, Message message, CompletionListener completionListener)
            throws JMSException {
        send(destination, message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
                     CompletionListener completionListener) throws JMSException {
        checkOpen();
        requireListener(completionListener);
        doSend(explicitDestination(destination), message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        send((Destination) queue, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        send(topic, message, deliveryMode, priority, timeToLive);
    }

    private void requireOwnDestination() throws JMSException {
        if (destination == null) {
            throw new UnsupportedOperationException("this producer was created without a destination: use a send"
                    + " method that takes one");
        }
    }

    private WarrenDestination explicitDestination(Destination d) throws JMSException {
        if (destination != null) {
            throw new UnsupportedOperationException("this producer was created for " + destination
                    + ": use a send method without a destination");
        }
        if (d == null) {
            throw new InvalidDestinationException("destination must not be null");
        }
        WarrenDestination wd = WarrenSession.resolve(d);
        session.prepareForSend(wd);
        return wd;
    }

    private static void requireListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("CompletionListener must not be null");
        }
    }

    /** Sends through the session; shared with {@code JMSProducer}. */
    void doSend(WarrenDestination target, Message message, int mode, int prio, long ttl,
                CompletionListener completionListener) throws JMSException {
        if (message == null) {
            throw new MessageFormatException("message must not be null");
        }
        checkDeliveryMode(mode);
        checkPriority(prio);
        session.topology().checkBrokerCanDelay(deliveryDelay);
        session.checkNotDeleted(target);
        if (target.isQueue() && !target.isTemporary()) {
            // a queue deleted on the broker since the producer was created is declared again, not silently missed
            session.topology().ensureQueue(target.name());
        }
        long now = System.currentTimeMillis();
        message.setJMSDestination(target);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(prio);
        message.setJMSExpiration(ttl > 0 ? now + ttl : 0);
        message.setJMSTimestamp(disableTimestamp ? 0 : now);
        message.setJMSDeliveryTime(now + Math.max(0, deliveryDelay));
        message.setJMSMessageID(disableMessageId ? null : idPrefix + sequence.incrementAndGet());
        io.warren.message.Message m = MessageMapper.toBroker(message, target.exchange(), target.routingKey(),
                session.connection().link().origin());
        CompletableFuture<PublishOutcome> result;
        BrokerChannel channel = session.channel();
        // waited for below, so the broker may let this thread store the message itself
        boolean awaited = completionListener == null && mode == DeliveryMode.PERSISTENT;
        try {
            result = awaited ? channel.publishAwaited(target.exchange(), target.routingKey(), m)
                    : channel.publish(target.exchange(), target.routingKey(), m);
        } catch (JMSException e) {
            // the message did not leave: once the connection has failed over, it goes on the new channel
            if (!session.connection().failover().recovered(e, session, channel)) {
                throw e;
            }
            result = session.channel().publish(target.exchange(), target.routingKey(), m);
        }
        if (session.getTransactedQuietly()) {
            session.sentInTransaction();
        }
        if (completionListener != null) {
            session.trackAsync(result, message, completionListener);
            return;
        }
        PublishOutcome outcome;
        if (result.isDone() || mode == DeliveryMode.PERSISTENT) {
            try {
                outcome = await(result);
            } catch (JMSException e) {
                // the connection broke before the broker confirmed: once failed over, the message is sent again
                // (at least once: it may have been stored before the break)
                BrokerChannel failedOn = channel;
                if (!session.connection().failover().recovered(e, session, failedOn)) {
                    throw e;
                }
                outcome = await(session.channel().publish(target.exchange(), target.routingKey(), m));
            }
        } else {
            return;
        }
        if (outcome == PublishOutcome.REJECTED) {
            throw new ResourceAllocationException("the broker refused the message: queue '" + target.name()
                    + "' is full (x-overflow reject-publish)");
        }
    }

    private static PublishOutcome await(CompletableFuture<PublishOutcome> result) throws JMSException {
        try {
            return result.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsExceptions.withCause(new JMSException("interrupted while waiting for the broker to store the"
                    + " message"), e);
        } catch (ExecutionException e) {
            throw JmsExceptions.from(e.getCause());
        } catch (TimeoutException e) {
            throw JmsExceptions.withCause(new JMSException("the broker did not confirm the send within "
                    + SEND_TIMEOUT_SECONDS + " s"), e);
        }
    }

    @Override
    public void close() throws JMSException {
        if (session.isCompletionThread()) {
            throw new IllegalStateException("a CompletionListener must not close its own producer");
        }
        if (closed) {
            return;
        }
        session.awaitPendingSends();
        closed = true;
        session.producerClosed(this);
    }

    @Override
    public String toString() {
        return "WarrenMessageProducer[" + destination + "]";
    }
}
