package io.warren.jms.transport.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrowseCursor;
import io.warren.jms.transport.ConsumerListener;
import io.warren.jms.transport.ConsumerSpec;
import io.warren.jms.transport.Delivery;
import io.warren.jms.transport.PublishOutcome;
import io.warren.jms.transport.QueueState;
import io.warren.message.Message;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A session's AMQP channel. Publishes on a non-transacted channel are confirmed ({@code confirm.select}), so a
 * persistent send returns once the broker stored the message. Declarations go through the connection's
 * {@link TopologyChannel}, so a refusal never closes this channel; XA calls use this channel, in the Warren
 * server's extension ({@link AmqpXa}), whose refusals never close it either.
 *
 * <p>Messages a CLIENT_ACKNOWLEDGE or transacted session handed to the application wait for acknowledgement
 * however long, while AMQP's prefetch counts every unacknowledged message: such a channel's consumers have no
 * limit of their own and share a channel-wide limit ({@code basic.qos global}) kept at the prefetch plus what
 * the application holds.
 */
final class AmqpBrokerChannel implements BrokerChannel {
    private static final CompletableFuture<PublishOutcome> ACCEPTED =
            CompletableFuture.completedFuture(PublishOutcome.ACCEPTED);
    private static final byte[] EMPTY = new byte[0];
    private static final long BROWSE_TIMEOUT_SECONDS = 60;

    private final AmqpBrokerConnection connection;
    private final Channel channel;
    private final PublishConfirms confirms = new PublishConfirms();
    private final AmqpXa xa;
    private final Map<String, ConsumerListener> consumers = new ConcurrentHashMap<>();
    private final Object publishLock = new Object();
    private volatile boolean transactional;
    /** Orders {@link #recover}'s flow switching with {@link #holdDeliveries}. */
    private final Object flowLock = new Object();
    private boolean held;
    private boolean confirming;
    private boolean trackHandOut;
    private int basePrefetch;
    private int channelLimit;
    private int handedOut;
    private int consumerPrefetch;

    AmqpBrokerChannel(AmqpBrokerConnection connection, Channel channel) {
        this.connection = connection;
        this.channel = channel;
        this.xa = new AmqpXa(channel, connection.features());
        channel.addConfirmListener(confirms);
        channel.addShutdownListener(this::closed);
    }

    private void closed(ShutdownSignalException cause) {
        JMSException failure = AmqpErrors.toJms("the channel", cause);
        confirms.failAll(failure);
        if (!cause.isInitiatedByApplication() && !cause.isHardError()) {
            String reason = "the broker closed the session's channel: " + AmqpErrors.describe(cause);
            for (ConsumerListener l : consumers.values()) {
                connection.notify(() -> l.onCancel(reason));
            }
        }
        consumers.clear();
    }

    @Override
    public void txSelect() throws JMSException {
        try {
            channel.txSelect();
            transactional = true;
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("starting a transaction", e);
        }
    }

    @Override
    public synchronized void trackHandOut() {
        trackHandOut = true;
    }

    @Override
    public void declareQueue(String name, boolean durable, boolean exclusive, boolean autoDelete,
                             Map<String, Object> arguments) throws JMSException {
        connection.topology().run("declaring queue '" + name + "'",
                ch -> ch.queueDeclare(name, durable, exclusive, autoDelete, arguments));
        connection.knownQueue(name);
    }

    @Override
    public QueueState inspectQueue(String name) throws JMSException {
        AMQP.Queue.DeclareOk ok = connection.topology().run("inspecting queue '" + name + "'",
                ch -> ch.queueDeclarePassive(name));
        return new QueueState(ok.getQueue(), ok.getMessageCount(), ok.getConsumerCount());
    }

    @Override
    public void deleteQueue(String name, boolean ifUnused) throws JMSException {
        connection.forgetQueue(name);
        connection.topology().run("deleting queue '" + name + "'", ch -> ch.queueDelete(name, ifUnused, false));
    }

    @Override
    public void bindQueue(String queue, String exchange, String bindingKey, Map<String, Object> arguments)
            throws JMSException {
        if (arguments != null && arguments.containsKey(AmqpBrokerConnection.SELECTOR_ARGUMENT)
                && !connection.features().queueSelectors()) {
            throw new InvalidSelectorException(connection.features().name() + " cannot filter a topic"
                    + " subscription with a message selector: it has no selectors on bindings");
        }
        connection.topology().run("binding queue '" + queue + "' to exchange '" + exchange + "'",
                ch -> ch.queueBind(queue, exchange, bindingKey, arguments));
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(String exchange, String routingKey, Message message)
            throws JMSException {
        AMQP.BasicProperties props = AmqpMessages.toProperties(message, System.currentTimeMillis());
        byte[] body = message.body() == null ? EMPTY : message.body();
        synchronized (publishLock) {
            try {
                if (transactional) {
                    channel.basicPublish(exchange, routingKey, false, props, body);
                    return ACCEPTED;
                }
                if (!confirming) {
                    channel.confirmSelect();
                    confirming = true;
                }
                long sequence = channel.getNextPublishSeqNo();
                CompletableFuture<PublishOutcome> f = confirms.register(sequence);
                try {
                    channel.basicPublish(exchange, routingKey, false, props, body);
                } catch (IOException | RuntimeException e) {
                    confirms.forget(sequence);
                    throw e;
                }
                return f;
            } catch (IOException | RuntimeException e) {
                throw AmqpErrors.toJms("sending to exchange '" + exchange + "'", e);
            }
        }
    }

    @Override
    public String consume(ConsumerSpec spec, ConsumerListener listener) throws JMSException {
        if (spec.selector() != null && !connection.features().queueSelectors()) {
            throw new InvalidSelectorException(connection.features().name() + " cannot apply a message selector"
                    + " to a queue consumer: it would have to leave non-matching messages on the queue for others");
        }
        Map<String, Object> args = spec.selector() == null ? null
                : Map.of(AmqpBrokerConnection.SELECTOR_ARGUMENT, spec.selector());
        try {
            synchronized (this) {
                if (trackHandOut) {
                    if (basePrefetch == 0) {
                        basePrefetch = spec.prefetch();
                        channelLimit = basePrefetch;
                        channel.basicQos(channelLimit, true);
                    }
                    consumerPrefetch = 0;
                } else {
                    consumerPrefetch = spec.prefetch();
                }
                channel.basicQos(consumerPrefetch, false);
            }
            return channel.basicConsume(spec.queue(), false, "", spec.noLocal(), spec.exclusive(), args,
                    new Pusher(listener));
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("consuming from queue '" + spec.queue() + "'", e);
        }
    }

    /** Hands what the broker pushes to one consumer to its listener. */
    private final class Pusher extends DefaultConsumer {
        private final ConsumerListener listener;

        Pusher(ConsumerListener listener) {
            super(channel);
            this.listener = listener;
        }

        @Override
        public void handleConsumeOk(String consumerTag) {
            super.handleConsumeOk(consumerTag);
            consumers.put(consumerTag, listener);
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                                   byte[] body) {
            Message m = AmqpMessages.toMessage(envelope, properties, body, System.currentTimeMillis());
            listener.onDelivery(new Delivery(envelope.getDeliveryTag(), m, envelope.isRedeliver(),
                    AmqpMessages.deliveryCount(properties, envelope.isRedeliver()), AmqpBrokerChannel.this));
        }

        @Override
        public void handleCancel(String consumerTag) {
            consumers.remove(consumerTag);
            connection.notify(() -> listener.onCancel("the broker cancelled it: its queue was deleted"));
        }
    }

    @Override
    public void cancel(String consumerTag) throws JMSException {
        consumers.remove(consumerTag);
        try {
            channel.basicCancel(consumerTag);
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("closing the consumer", e);
        }
    }

    @Override
    public BrowseCursor browse(String queue, String selector) throws JMSException {
        if (!connection.features().browsing()) {
            throw new JMSException(connection.features().name() + " cannot browse a queue: it has no way to read"
                    + " messages without taking them");
        }
        return AmqpBrowseCursor.open(connection, queue, selector, TimeUnit.SECONDS.toMillis(BROWSE_TIMEOUT_SECONDS));
    }

    @Override
    public void ack(long tag) throws JMSException {
        try {
            channel.basicAck(tag, false);
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("acknowledging", e);
        }
        settled(1);
    }

    @Override
    public void ack(Collection<Long> tags) throws JMSException {
        try {
            for (long tag : tags) {
                channel.basicAck(tag, false);
            }
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("acknowledging", e);
        }
        settled(tags.size());
    }

    @Override
    public void recover(Collection<Long> delivered, Supplier<List<Long>> undelivered) throws JMSException {
        synchronized (flowLock) {
            boolean switched = holdForRecovery();
            try {
                returnToQueues(delivered, undelivered.get());
            } catch (JMSException | RuntimeException e) {
                if (switched) {
                    resumeDeliveries(e);
                }
                throw e;
            }
            if (switched) {
                flow(true);
            }
        }
        settled(delivered.size());
    }

    @Override
    public void holdDeliveries(boolean held) throws JMSException {
        synchronized (flowLock) {
            if (this.held == held || !connection.isWarren()) {
                return;
            }
            flow(!held);
            this.held = held;
        }
    }

    private void returnToQueues(Collection<Long> delivered, List<Long> undelivered) throws JMSException {
        try {
            for (long tag : delivered) {
                channel.basicNack(tag, false, true);
            }
            for (long tag : undelivered) {
                returnUnseen(tag);
            }
            if (transactional && !connection.isWarren()) {
                // RabbitMQ holds nacks of a transactional channel until commit; this commit holds nothing else,
                // since recovery follows a rollback
                channel.txCommit();
            }
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("returning messages to their queues", e);
        }
    }

    /**
     * Switches this channel's deliveries off ({@code channel.flow}) on a Warren server, which replies once it
     * pushes nothing more to the channel's consumers and after the last delivery it made; the reader thread hands
     * every delivery to its consumer before it reads the reply, so on return none is on its way. RabbitMQ
     * answers {@code channel.flow} off from a client with a connection error (not_implemented): there
     * deliveries go on.
     *
     * @return whether this switched deliveries off, to be switched on again (not when the connection's stop holds
     *         them already)
     */
    private boolean holdForRecovery() throws JMSException {
        if (!connection.isWarren() || held) {
            return false;
        }
        flow(false);
        return true;
    }

    /** Switches deliveries on again after {@code failure}, which stays the one reported. */
    private void resumeDeliveries(Exception failure) {
        try {
            flow(true);
        } catch (JMSException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void flow(boolean active) throws JMSException {
        try {
            channel.rpc(new AMQP.Channel.Flow.Builder().active(active).build());
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms(active ? "resuming deliveries" : "holding deliveries to return messages", e);
        }
    }

    @Override
    public void release(Collection<Long> tags) throws JMSException {
        try {
            for (long tag : tags) {
                returnUnseen(tag);
            }
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("returning messages to their queues", e);
        }
    }

    /** A Warren server counts a rejected message as not delivered (release_on_reject); others count it. */
    private void returnUnseen(long tag) throws IOException {
        channel.basicReject(tag, true);
    }

    /**
     * A round trip on this channel: the broker writes what it pushed to the channel's consumers before the
     * reply, and consumer callbacks run on the reader thread before it reads the reply. {@code basic.qos} with
     * the consumer prefetch last set changes nothing and needs no permission.
     */
    @Override
    public void syncDeliveries() throws JMSException {
        try {
            synchronized (this) {
                channel.basicQos(consumerPrefetch, false);
            }
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("waiting for deliveries", e);
        }
    }

    @Override
    public void handedOut(Collection<Long> tags) throws JMSException {
        synchronized (this) {
            if (!trackHandOut || basePrefetch == 0) {
                return;
            }
            handedOut += tags.size();
            if (handedOut + basePrefetch > channelLimit) {
                setChannelLimit(handedOut + 2 * basePrefetch);
            }
        }
    }

    private void settled(int count) throws JMSException {
        synchronized (this) {
            if (!trackHandOut || basePrefetch == 0) {
                return;
            }
            handedOut = Math.max(0, handedOut - count);
            if (handedOut == 0 && channelLimit > 4 * basePrefetch) {
                setChannelLimit(basePrefetch);
            }
        }
    }

    private void setChannelLimit(int limit) throws JMSException {
        try {
            channel.basicQos(limit, true);
            channelLimit = limit;
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("raising the prefetch", e);
        }
    }

    @Override
    public CompletableFuture<PublishOutcome> commit() throws JMSException {
        if (!transactional) {
            throw new IllegalStateException("not a transactional channel");
        }
        try {
            channel.txCommit();
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("committing", e);
        }
        settledAll();
        return ACCEPTED;
    }

    private synchronized void settledAll() throws JMSException {
        if (trackHandOut && basePrefetch != 0) {
            handedOut = 0;
            if (channelLimit > 4 * basePrefetch) {
                setChannelLimit(basePrefetch);
            }
        }
    }

    @Override
    public void rollback() throws JMSException {
        try {
            channel.txRollback();
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms("rolling back", e);
        }
    }

    @Override
    public void xaStart(Xid xid, int flags, int timeoutSeconds) throws XAException {
        xa.start(xid, flags, timeoutSeconds);
    }

    @Override
    public void xaEnd(Xid xid, int flags) throws XAException {
        xa.end(xid, flags);
    }

    @Override
    public int xaPrepare(Xid xid) throws XAException {
        return xa.prepare(xid);
    }

    @Override
    public void xaCommit(Xid xid, boolean onePhase) throws XAException {
        xa.commit(xid, onePhase);
    }

    @Override
    public void xaRollback(Xid xid) throws XAException {
        xa.rollback(xid);
    }

    @Override
    public List<Xid> xaRecover() throws XAException {
        return xa.recover();
    }

    @Override
    public void xaForget(Xid xid) throws XAException {
        xa.forget(xid);
    }

    @Override
    public void close() {
        AmqpBrokerConnection.closeQuietly(channel);
    }

    @Override
    public String toString() {
        return "amqp channel " + channel.getChannelNumber() + " of " + connection;
    }
}
