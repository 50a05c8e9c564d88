package io.warren.server.amqp;

import io.netty.buffer.ByteBuf;
import io.warren.broker.BrokerException;
import io.warren.broker.BrowseBatch;
import io.warren.broker.BrowsePosition;
import io.warren.broker.ErrorCode;
import io.warren.message.Message;
import io.warren.server.amqp.method.BasicCancel;
import io.warren.server.amqp.method.BasicDeliver;
import io.warren.server.amqp.method.FrameWriter;
import java.util.ArrayDeque;

/**
 * One browsing consumer ({@code x-browse}): walks a queue with the engine's browse cursor and delivers its
 * messages without taking them, then sends a server-side {@code basic.cancel} that marks the end. Only a batch is
 * read at a time, and only while the socket takes more and the consumer has credit, so browsing a queue of any
 * depth holds no more than a batch on the server.
 *
 * <p>Credit: a no-ack browse is limited by the socket alone; its deliveries carry tag 0. Otherwise each delivery
 * carries a tag of the channel, the consumer's prefetch bounds how many are unsettled, and settling one (ack,
 * nack or reject, all alike, since nothing was taken) returns its credit, as a RabbitMQ stream consumer does. So
 * a client bounds what it holds by its prefetch, however slowly its application reads.
 *
 * <p>State is confined to the connection's event loop; the engine reads, which may read paged messages from
 * disk, run on the server's blocking executor.
 */
final class BrowseStream {
    /** Messages read from the engine at once. */
    static final int BATCH = 256;

    private final AmqpChannel channel;
    private final AmqpConnection connection;
    private final String queue;
    private final String selector;
    private final String tag;
    private final boolean noAck;
    /** Unsettled deliveries allowed; 0 for no limit. */
    private final int prefetch;
    /** Tags delivered and not yet settled, ascending. */
    private final ArrayDeque<Long> unsettled = new ArrayDeque<>();
    private BrowsePosition position = BrowsePosition.START;
    private boolean reading;
    private boolean ended;

    BrowseStream(AmqpChannel channel, String queue, String selector, String tag, boolean noAck, int prefetch) {
        this.channel = channel;
        this.connection = channel.connection();
        this.queue = queue;
        this.selector = selector;
        this.tag = tag;
        this.noAck = noAck;
        this.prefetch = noAck ? 0 : prefetch;
    }

    String tag() {
        return tag;
    }

    /**
     * Reads the first batch here, on the event loop, so that a queue that cannot be browsed (not found, a bad
     * selector, no access) fails the {@code basic.consume} itself, before {@code consume-ok}.
     */
    BrowseBatch first() {
        return channel.engine().browse(queue, selector, position, Math.min(BATCH, credit()));
    }

    /** Delivers the first batch (after {@code consume-ok}) and goes on. */
    void start(BrowseBatch first) {
        deliver(first);
    }

    /** Delivers more, if the walk is not over and the socket and the credit allow; event loop only. */
    void pump() {
        if (ended || reading || !channel.isOpen()) {
            return;
        }
        if (position.isDone()) {
            end();
            return;
        }
        int credit = credit();
        if (credit <= 0 || connection.outbox().paused()) {
            return;
        }
        reading = true;
        BrowsePosition from = position;
        int max = Math.min(BATCH, credit);
        connection.server().blockingExecutor().execute(() -> {
            BrowseBatch batch = null;
            RuntimeException failure = null;
            try {
                batch = channel.engine().browse(queue, selector, from, max);
            } catch (RuntimeException e) {
                failure = e;
            }
            BrowseBatch b = batch;
            RuntimeException f = failure;
            connection.execute(() -> read(b, f));
        });
    }

    private void read(BrowseBatch batch, RuntimeException failure) {
        reading = false;
        if (ended || !channel.isOpen()) {
            return;
        }
        if (failure == null) {
            deliver(batch);
        } else if (failure instanceof BrokerException b && b.code() == ErrorCode.NOT_FOUND) {
            // the queue went away mid-walk: the end of the browse, as a consumer of a deleted queue is cancelled
            end();
        } else {
            ended = true;
            channel.consumers().browseEnded(this);
            channel.failed(failure, null);
        }
    }

    private void deliver(BrowseBatch batch) {
        position = batch.next();
        long now = System.currentTimeMillis();
        for (Message m : batch.messages()) {
            long deliveryTag = 0;
            if (!noAck) {
                deliveryTag = channel.engine().reserveDeliveryTag();
                unsettled.add(deliveryTag);
            }
            ByteBuf buf = connection.alloc(m.bodySize() + 256);
            try {
                FrameWriter.writeMessage(buf, channel.number(), new BasicDeliver(tag, deliveryTag, false,
                        m.exchange(), m.routingKey()), MessageMapping.toProperties(m, now), m.body(),
                        connection.frameMax());
            } catch (RuntimeException e) {
                buf.release();
                throw e;
            }
            connection.writeOrdered(buf);
        }
        connection.flush();
        pump();
    }

    private int credit() {
        return prefetch == 0 ? BATCH : prefetch - unsettled.size();
    }

    private void end() {
        ended = true;
        channel.consumers().browseEnded(this);
        connection.send(channel.number(), new BasicCancel(tag, true));
        connection.flush();
    }

    /** The client cancelled the browse: nothing more is sent. */
    void cancel() {
        ended = true;
    }

    /**
     * Settles this browse's deliveries: the one tagged {@code deliveryTag}, or every one up to it when
     * {@code multiple}; returns whether any was this browse's. Settling returns credit, so delivery goes on.
     */
    boolean settle(long deliveryTag, boolean multiple) {
        boolean settled = false;
        if (multiple) {
            while (!unsettled.isEmpty() && unsettled.peekFirst() <= deliveryTag) {
                unsettled.pollFirst();
                settled = true;
            }
        } else {
            settled = unsettled.remove(deliveryTag);
        }
        if (settled) {
            pump();
        }
        return settled;
    }

    /** Settles every delivery of this browse ({@code basic.recover}: a browse has nothing to redeliver). */
    void settleAll() {
        unsettled.clear();
        pump();
    }

    /** Whether the walk is over and every delivery settled: nothing more can refer to this browse. */
    boolean finished() {
        return ended && unsettled.isEmpty();
    }
}
