package io.warren.jms.client;

import io.warren.jms.transport.ConsumerListener;
import io.warren.jms.transport.ConsumerSpec;
import io.warren.jms.transport.Delivery;
import io.warren.jms.transport.ErrorCodes;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.message.WarrenMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.ArrayList;
import java.util.List;

/**
 * A JMS consumer: a broker consumer on its queue whose pushed deliveries wait in a {@link DeliveryBuffer}
 * until {@code receive} takes them or the session thread hands them to the {@link MessageListener}.
 */
public class WarrenMessageConsumer implements MessageConsumer, QueueReceiver, TopicSubscriber {
    private final WarrenSession session;
    private final WarrenDestination destination;
    private final QueueSource queueSource;
    private volatile String queueName;
    private final String selector;
    private final boolean filterOnQueue;
    private final boolean noLocal;
    private final boolean durable;
    private final boolean exclusive;
    private final DeliveryBuffer buffer = new DeliveryBuffer();
    private volatile MessageListener listener;
    private volatile boolean closing;
    private volatile boolean closed;
    private volatile boolean cancelledByBroker;
    private volatile String consumerTag;

    /** Makes the broker queue a consumer reads (a subscription's queue is created here), again after a fail-over. */
    @FunctionalInterface
    interface QueueSource {
        String queue() throws JMSException;
    }

    /**
     * @param filterOnQueue whether the queue applies the selector (queue consumers); topic subscriptions carry
     *                      theirs on the binding
     * @param exclusive     the only consumer its queue may have (an unshared durable subscription), enforced by the
     *                      broker so that two racing subscribers cannot both succeed
     */
    WarrenMessageConsumer(WarrenSession session, WarrenDestination destination, QueueSource queueSource,
                          String selector,
                          boolean filterOnQueue, boolean noLocal, boolean durable, boolean exclusive) {
        this.session = session;
        this.destination = destination;
        this.queueSource = queueSource;
        this.selector = selector;
        this.filterOnQueue = filterOnQueue;
        this.noLocal = noLocal;
        this.durable = durable;
        this.exclusive = exclusive;
    }

    void start() throws JMSException {
        queueName = queueSource.queue();
        int prefetch = session.connection().options().prefetch();
        ConsumerSpec spec = new ConsumerSpec(queueName, prefetch, exclusive, filterOnQueue ? selector : null, noLocal);
        try {
            consumerTag = session.channel().consume(spec, new ConsumerListener() {
                @Override
                public void onDelivery(Delivery delivery) {
                    buffer.add(delivery);
                    if (listener != null) {
                        session.scheduleDrain();
                    }
                }

                @Override
                public void onCancel(String reason) {
                    cancelledByBroker = true;
                    buffer.close();
                    session.connection().onAsyncException(new jakarta.jms.InvalidDestinationException("the consumer"
                            + " on queue '" + queueName + "' of " + destination + " was ended by the broker ("
                            + reason + "): it receives nothing more; close it and create a new one"));
                }
            });
        } catch (JMSException e) {
            if (exclusive && ErrorCodes.ACCESS_REFUSED.equals(e.getErrorCode())) {
                throw JmsExceptions.withCause(new IllegalStateException("durable subscription queue '" + queueName
                        + "' already has an active consumer"), e);
            }
            throw e;
        }
    }

    WarrenDestination destination() {
        return destination;
    }

    String queueName() {
        return queueName;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("consumer is closed");
        }
        session.checkOpen();
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector;
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        this.listener = listener;
        if (listener != null) {
            session.scheduleDrain();
        }
    }

    @Override
    public Message receive() throws JMSException {
        return receive(0);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return doReceive(timeout < 0 ? 0 : timeout);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return doReceive(-1);
    }

    private Message doReceive(long timeout) throws JMSException {
        Delivery d = nextDelivery(timeout);
        if (d == null) {
            return null;
        }
        WarrenMessage m = session.toJms(d);
        session.handedOut(d);
        session.completed(d);
        return m;
    }

    /**
     * Receives the next message's body as {@code type}. A body that cannot be assigned, a StreamMessage or a message
     * without a body fails with MessageFormatException: AUTO and DUPS_OK sessions then return the message to the
     * queue uncounted (it comes next again); others treat it as delivered.
     */
    <T> T receiveBody(Class<T> type, long timeout) throws JMSException {
        Delivery d = nextDelivery(timeout);
        if (d == null) {
            return null;
        }
        WarrenMessage m = session.toJms(d);
        T body = null;
        jakarta.jms.MessageFormatException failure = null;
        if (m instanceof jakarta.jms.StreamMessage) {
            failure = new jakarta.jms.MessageFormatException("message " + m.getJMSMessageID()
                    + " is a StreamMessage, whose body receiveBody cannot return: use receive");
        } else if (!m.isBodyAssignableTo(type)) {
            failure = whyNotAssignable(m, type);
        } else {
            body = m.getBody(type);
            if (body == null) {
                // null would mean "no message": a message without a body is an error here, as the spec says
                failure = new jakarta.jms.MessageFormatException("message " + m.getJMSMessageID()
                        + " has no body: use receive to get it");
            }
        }
        if (failure != null) {
            int mode = session.mode();
            if (mode == jakarta.jms.Session.AUTO_ACKNOWLEDGE || mode == jakarta.jms.Session.DUPS_OK_ACKNOWLEDGE) {
                session.returnUnseen(this, d);
            } else {
                session.handedOut(d);
            }
            throw failure;
        }
        session.handedOut(d);
        session.completed(d);
        return body;
    }

    /** getBody's own failure says why (an untrusted ObjectMessage class names the option to set). */
    private static jakarta.jms.MessageFormatException whyNotAssignable(WarrenMessage m, Class<?> type) {
        try {
            m.getBody(type);
        } catch (jakarta.jms.MessageFormatException e) {
            return e;
        } catch (JMSException ignored) {
            // fall through to the generic message
        }
        return new jakarta.jms.MessageFormatException("the body of message " + m.getJMSMessageID()
                + " cannot be assigned to " + type.getName());
    }

    /** The next unexpired delivery, waiting as {@code timeout} says (0 forever, negative not at all). */
    private Delivery nextDelivery(long timeout) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("cannot receive synchronously on a consumer with a MessageListener");
        }
        long deadline = timeout > 0 ? System.currentTimeMillis() + timeout : 0;
        while (true) {
            Delivery d;
            try {
                d = buffer.take(timeout, () -> session.connection().isStarted());
                if (d == null && timeout < 0 && !closed && session.connection().isStarted()) {
                    // a message the broker already pushed may still be on the wire: "immediately available"
                    session.channel().syncDeliveries();
                    d = buffer.take(timeout, () -> session.connection().isStarted());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (d == null) {
                session.flushLazyAcks();
                return null;
            }
            if (closed) {
                // closed while this receive was taking it: the message goes back, not stranded unacknowledged
                releaseQuietly(d);
                return null;
            }
            if (!isExpired(d)) {
                return d;
            }
            session.discardExpired(d);
            if (timeout > 0) {
                timeout = Math.max(1, deadline - System.currentTimeMillis());
            }
        }
    }

    private void releaseQuietly(Delivery d) {
        try {
            session.channel().release(session.tagsOnChannel(List.of(d)));
        } catch (JMSException ignored) {
            // the channel is closing and returns it itself
        }
    }

    private static boolean isExpired(Delivery d) {
        long exp = d.message().expiration();
        return exp != 0 && exp < System.currentTimeMillis();
    }

    /**
     * Hands one buffered message to the listener on the session thread.
     *
     * @return whether a message was taken
     */
    boolean dispatchOne() {
        MessageListener l = listener;
        if (l == null || closing || closed) {
            return false;
        }
        synchronized (session.deliveryLock) {
            if (closing || closed || session.isClosing() || !session.connection().isStarted()) {
                return false;
            }
            Delivery d = buffer.poll();
            if (d == null) {
                return false;
            }
            if (isExpired(d)) {
                session.discardExpired(d);
                return true;
            }
            WarrenMessage m = session.toJms(d);
            try {
                session.handedOut(d);
            } catch (JMSException e) {
                session.connection().onAsyncException(e);
            }
            boolean failed = false;
            VirtualMachineError fatal = null;
            try {
                session.runListener(l, m);
            } catch (RuntimeException | Error e) {
                // an Error (an assertion in a listener, say) must not strand the message and stop delivery
                failed = true;
                if (e instanceof VirtualMachineError vme) {
                    fatal = vme;
                }
            }
            try {
                if (failed && (session.mode() == jakarta.jms.Session.AUTO_ACKNOWLEDGE
                        || session.mode() == jakarta.jms.Session.DUPS_OK_ACKNOWLEDGE)) {
                    session.redeliverAfterListenerFailure(this, d);
                } else if (!session.isClosed()) {
                    session.completed(d);
                }
            } catch (JMSException e) {
                session.connection().onAsyncException(e);
            }
            if (fatal != null) {
                throw fatal;
            }
            return true;
        }
    }

    /**
     * The connection failed over: what was prefetched on the old channel is dropped (the broker gives it again)
     * and the consumer subscribes again on the session's new channel.
     */
    void resubscribe() throws JMSException {
        if (closed) {
            return;
        }
        buffer.drain();
        cancelledByBroker = false;
        start();
    }

    List<Delivery> drainBuffer() {
        return buffer.drain();
    }

    void wake() {
        buffer.wake();
    }

    void connectionLost() {
        buffer.close();
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (session.isListenerThread()) {
            // Closing its own consumer from onMessage is allowed; the listener finishes normally.
            closeInternal();
            return;
        }
        closing = true;
        synchronized (session.deliveryLock) {
            closeInternal();
        }
        // DUPS_OK: what this consumer received is acknowledged now, not when the session next runs dry or closes
        session.flushLazyAcks();
    }

    void closeInternal() {
        if (closed) {
            return;
        }
        closed = true;
        buffer.close();
        try {
            if (!cancelledByBroker && consumerTag != null) {
                session.channel().cancel(consumerTag);
            }
        } catch (JMSException ignored) {
            // already cancelled by the broker
        }
        List<Long> unseen = session.tagsOnChannel(buffer.drain());
        if (!unseen.isEmpty()) {
            try {
                session.channel().release(unseen);
            } catch (JMSException ignored) {
                // the channel is closing and returns them itself
            }
        }
        session.consumerClosed(this);
    }

    // ---- QueueReceiver / TopicSubscriber ---------------------------------------------------------------

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return (Queue) destination;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return (Topic) destination;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    boolean isDurable() {
        return durable;
    }

    @Override
    public String toString() {
        return "WarrenMessageConsumer[" + destination + " via queue " + queueName + "]";
    }
}
