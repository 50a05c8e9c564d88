package io.warren.server.amqp;

import io.netty.buffer.ByteBuf;
import io.warren.broker.BrokerException;
import io.warren.broker.BrowseBatch;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.DeliveryListener;
import io.warren.broker.ErrorCode;
import io.warren.broker.security.AccessRefusedException;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.BasicAck;
import io.warren.server.amqp.method.BasicCancel;
import io.warren.server.amqp.method.BasicCancelOk;
import io.warren.server.amqp.method.BasicConsume;
import io.warren.server.amqp.method.BasicConsumeOk;
import io.warren.server.amqp.method.BasicGet;
import io.warren.server.amqp.method.BasicGetEmpty;
import io.warren.server.amqp.method.BasicGetOk;
import io.warren.server.amqp.method.BasicNack;
import io.warren.server.amqp.method.BasicQos;
import io.warren.server.amqp.method.BasicQosOk;
import io.warren.server.amqp.method.BasicRecoverOk;
import io.warren.server.amqp.method.BasicReject;
import io.warren.server.amqp.method.FrameWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consuming side of a channel: {@code basic.qos} (per consumer, or shared by the channel with
 * {@code global}, as RabbitMQ), consume and cancel, get, and settling deliveries with ack, nack, reject and
 * recover. Deliveries reach the client through the connection's {@link DeliveryOutbox}. Runs on the event
 * loop, except the {@link DeliveryListener} callbacks, which run wherever the engine makes a message available.
 */
final class ChannelConsumers {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECTOR_ARGUMENT = "x-selector";
    /** Consumer argument: browse the queue (see {@link #browse}). */
    static final String BROWSE_ARGUMENT = "x-browse";

    private final AmqpChannel channel;
    private final AmqpConnection connection;
    private final Set<String> tags = new HashSet<>();
    /** Browses under way, by consumer tag. */
    private final Map<String, BrowseStream> browses = new LinkedHashMap<>();
    /** Browses that ended with deliveries the client has yet to settle. */
    private final List<BrowseStream> settling = new ArrayList<>();
    private int consumerPrefetch;

    ChannelConsumers(AmqpChannel channel) {
        this.channel = channel;
        this.connection = channel.connection();
    }

    void qos(BasicQos qos) {
        if (qos.prefetchSize() != 0) {
            throw AmqpException.connection(ReplyCodes.NOT_IMPLEMENTED, "prefetch_size!=0 (" + qos.prefetchSize()
                    + ")");
        }
        if (qos.global()) {
            channel.engine().setChannelPrefetch(qos.prefetchCount());
        } else {
            consumerPrefetch = qos.prefetchCount();
        }
        connection.send(channel.number(), new BasicQosOk());
    }

    void consume(BasicConsume c, String queue) {
        checkRead(queue);
        String tag = c.consumerTag() == null || c.consumerTag().isEmpty() ? generatedTag() : c.consumerTag();
        if (tags.contains(tag) || browses.containsKey(tag)) {
            throw AmqpException.connection(ReplyCodes.NOT_ALLOWED, "attempt to reuse consumer tag '" + tag + "'");
        }
        Object selector = c.arguments() == null ? null : c.arguments().get(SELECTOR_ARGUMENT);
        if (selector != null && !(selector instanceof String)) {
            throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, "consumer argument '" + SELECTOR_ARGUMENT
                    + "' must be a string, was " + selector.getClass().getSimpleName());
        }
        if (c.arguments() != null && Boolean.TRUE.equals(c.arguments().get(BROWSE_ARGUMENT))) {
            browse(c, queue, tag, (String) selector);
            return;
        }
        ConsumeOptions options = new ConsumeOptions(tag, c.noAck() ? 0 : consumerPrefetch, c.noAck(), c.exclusive(),
                (String) selector, c.noLocal());
        tags.add(tag);
        // Earlier deliveries go out first; the new consumer's own deliveries stay queued in the outbox until
        // after consume-ok, since a client rejects a delivery for a tag it has not been told about.
        connection.outbox().drain();
        try {
            channel.engine().consume(queue, options, new Listener());
        } catch (RuntimeException e) {
            tags.remove(tag);
            throw e;
        }
        if (!c.noWait()) {
            connection.sendDirect(channel.number(), new BasicConsumeOk(tag));
        }
    }

    /**
     * A browsing consumer ({@link BrowseStream}): consume-ok, then the queue's messages (matching the selector) as
     * deliveries that take nothing, then a server-side cancel that marks the end.
     */
    private void browse(BasicConsume c, String queue, String tag, String selector) {
        BrowseStream stream = new BrowseStream(channel, queue, selector, tag, c.noAck(), consumerPrefetch);
        BrowseBatch first = stream.first();
        browses.put(tag, stream);
        if (!c.noWait()) {
            connection.send(channel.number(), new BasicConsumeOk(tag));
        }
        stream.start(first);
    }

    /** A browse reached its end or failed; it still answers for deliveries the client has not settled. */
    void browseEnded(BrowseStream stream) {
        browses.remove(stream.tag(), stream);
        if (!stream.finished()) {
            settling.add(stream);
        }
    }

    /** The socket takes more again: browses waiting for it go on (event loop). */
    void resumeBrowsing() {
        for (BrowseStream s : List.copyOf(browses.values())) {
            s.pump();
        }
    }

    /**
     * Settles browse deliveries: {@code deliveryTag}, or all up to it when {@code multiple}. Returns whether the
     * settlement is done with: a single tag that was a browse's (a multiple one goes on to the engine too).
     */
    private boolean settleBrowsed(long deliveryTag, boolean multiple) {
        if (browses.isEmpty() && settling.isEmpty()) {
            return false;
        }
        List<BrowseStream> streams = new ArrayList<>(browses.values());
        streams.addAll(settling);
        boolean found = false;
        for (BrowseStream s : streams) {
            found |= s.settle(deliveryTag, multiple);
            if (found && !multiple) {
                break;
            }
        }
        settling.removeIf(BrowseStream::finished);
        return found && !multiple;
    }

    private static String generatedTag() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "amq.ctag-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    void cancel(BasicCancel c) {
        BrowseStream browse = browses.get(c.consumerTag());
        if (browse != null) {
            browse.cancel();
            browseEnded(browse);
        } else if (tags.remove(c.consumerTag())) {
            try {
                channel.engine().cancel(c.consumerTag());
            } catch (BrokerException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
            }
        }
        if (!c.noWait()) {
            connection.send(channel.number(), new BasicCancelOk(c.consumerTag()));
        }
    }

    /** The engine cancelled a consumer (its queue was deleted); runs on the event loop via the outbox. */
    void cancelledByBroker(String tag) {
        if (tags.remove(tag) && connection.capabilities().consumerCancelNotify()) {
            connection.sendDirect(channel.number(), new BasicCancel(tag, true));
        }
    }

    void get(BasicGet g, String queue) {
        checkRead(queue);
        Delivery d = channel.engine().get(queue, g.noAck(), null);
        if (d == null) {
            connection.send(channel.number(), new BasicGetEmpty());
            return;
        }
        int remaining = channel.engine().queueDeclarePassive(queue).messageCount();
        var m = d.message();
        ByteBuf buf = connection.alloc(m.bodySize() + 256);
        FrameWriter.writeMessage(buf, channel.number(), new BasicGetOk(d.deliveryTag(), d.redelivered(),
                m.exchange(), m.routingKey(), remaining), MessageMapping.toProperties(m, System.currentTimeMillis(),
                d.deliveryCount()),
                m.body(), connection.frameMax());
        connection.writeOrdered(buf);
    }

    void ack(BasicAck a) {
        long tag = a.multiple() && a.deliveryTag() == 0 ? Long.MAX_VALUE : a.deliveryTag();
        if (!settleBrowsed(tag, a.multiple())) {
            channel.engine().ack(tag, a.multiple());
        }
    }

    void nack(BasicNack n) {
        long tag = n.multiple() && n.deliveryTag() == 0 ? Long.MAX_VALUE : n.deliveryTag();
        if (!settleBrowsed(tag, n.multiple())) {
            channel.engine().nack(tag, n.multiple(), n.requeue());
        }
    }

    void reject(BasicReject r) {
        if (settleBrowsed(r.deliveryTag(), false)) {
            return;
        }
        if (r.requeue() && connection.capabilities().releaseOnReject()) {
            channel.engine().release(List.of(r.deliveryTag()));
        } else {
            channel.engine().reject(r.deliveryTag(), r.requeue());
        }
    }

    void recover(boolean reply) {
        for (BrowseStream s : List.copyOf(browses.values())) {
            s.settleAll();
        }
        settling.clear();
        channel.engine().recover();
        if (reply) {
            connection.send(channel.number(), new BasicRecoverOk());
        }
    }

    private void checkRead(String queue) {
        try {
            connection.server().access().checkConsume(connection.user(), connection.virtualHost().name(), queue);
        } catch (AccessRefusedException e) {
            throw AmqpException.channel(ReplyCodes.ACCESS_REFUSED, e.getMessage());
        }
    }

    /** Hands the engine's deliveries for one consumer to the outbox; never blocks (queue lock held). */
    private final class Listener implements DeliveryListener {
        @Override
        public void onDelivery(Delivery delivery) {
            connection.outbox().deliver(channel, delivery);
        }

        @Override
        public void onCancel(String consumerTag) {
            connection.outbox().cancelled(channel, consumerTag);
        }
    }
}
