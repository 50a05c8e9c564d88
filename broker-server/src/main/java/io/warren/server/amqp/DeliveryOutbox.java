package io.warren.server.amqp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.warren.broker.Delivery;
import io.warren.message.Message;
import io.warren.server.amqp.method.FrameWriter;
import io.warren.server.amqp.method.BasicDeliver;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries the engine's deliveries and consumer cancellations to one connection's socket. The engine hands them
 * over on whatever thread made a message available, under a queue lock: they are queued here without blocking
 * and written by the connection's event loop in batches, with one flush per batch. When more than
 * {@link #HIGH_WATER} bytes wait, or the socket stops being writable, every channel of the connection pauses
 * its deliveries (the engine keeps the messages queued) and its browses; they resume once the socket drains below
 * {@link #LOW_WATER}. So a slow consumer never grows the heap without bound.
 *
 * <p>Methods the event loop writes itself go through {@link #drain()} first, so a client always sees
 * deliveries in the order the engine made them, before any later reply (a cancel-ok after the last delivery).
 */
final class DeliveryOutbox {
    static final long HIGH_WATER = 1024 * 1024;
    static final long LOW_WATER = 256 * 1024;
    private static final int FRAME_OVERHEAD = 256;

    private final AmqpConnection connection;
    private final ChannelHandlerContext ctx;
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final Runnable drainTask = this::drainAndFlush;
    private volatile boolean paused;

    private record PendingDelivery(AmqpChannel channel, Delivery delivery) {
    }

    private record PendingCancel(AmqpChannel channel, String consumerTag) {
    }

    DeliveryOutbox(AmqpConnection connection, ChannelHandlerContext ctx) {
        this.connection = connection;
        this.ctx = ctx;
    }

    /** Called by the engine, any thread, queue lock held. */
    void deliver(AmqpChannel channel, Delivery delivery) {
        pending.add(new PendingDelivery(channel, delivery));
        long queued = pendingBytes.addAndGet(delivery.message().bodySize() + FRAME_OVERHEAD);
        if (queued > HIGH_WATER && !paused) {
            pause();
        }
        schedule();
    }

    /** Called by the engine when it cancels a consumer (queue deleted). */
    void cancelled(AmqpChannel channel, String consumerTag) {
        pending.add(new PendingCancel(channel, consumerTag));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            ctx.executor().execute(drainTask);
        }
    }

    private void drainAndFlush() {
        scheduled.set(false);
        if (drain()) {
            ctx.flush();
        }
    }

    /**
     * Writes everything queued so far (event loop only).
     *
     * @return whether anything was written
     */
    boolean drain() {
        if (pending.isEmpty()) {
            return false;
        }
        long bytes = 0;
        boolean wrote = false;
        Object next;
        long now = System.currentTimeMillis();
        while ((next = pending.poll()) != null) {
            if (next instanceof PendingDelivery d) {
                Message m = d.delivery().message();
                bytes += m.bodySize() + FRAME_OVERHEAD;
                if (d.channel().isOpen()) {
                    write(d.channel(), d.delivery(), m, now);
                    wrote = true;
                }
            } else if (next instanceof PendingCancel c) {
                if (c.channel().isOpen()) {
                    c.channel().consumers().cancelledByBroker(c.consumerTag());
                    wrote = true;
                }
            }
        }
        pendingBytes.addAndGet(-bytes);
        if (paused) {
            resumeIfDrained();
        }
        return wrote;
    }

    private void write(AmqpChannel channel, Delivery d, Message m, long now) {
        ByteBuf buf = ctx.alloc().buffer(m.bodySize() + FRAME_OVERHEAD);
        try {
            FrameWriter.writeMessage(buf, channel.number(), new BasicDeliver(d.consumerTag(), d.deliveryTag(),
                    d.redelivered(), m.exchange(), m.routingKey()), MessageMapping.toProperties(m, now,
                    d.deliveryCount()), m.body(),
                    connection.frameMax());
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        ctx.write(buf, ctx.voidPromise());
    }

    boolean paused() {
        return paused;
    }

    void writabilityChanged(boolean writable) {
        if (!writable) {
            pause();
        } else if (paused) {
            resumeIfDrained();
        }
    }

    private void pause() {
        paused = true;
        for (AmqpChannel ch : connection.channels()) {
            ch.engine().setDeliveryPaused(true);
        }
    }

    private void resumeIfDrained() {
        if (!ctx.channel().isWritable() || pendingBytes.get() > LOW_WATER) {
            return;
        }
        paused = false;
        for (AmqpChannel ch : connection.channels()) {
            ch.engine().setDeliveryPaused(false);
        }
        // browses read on, outside this drain, which may be writing a reply
        ctx.executor().execute(() -> {
            for (AmqpChannel ch : connection.channels()) {
                if (ch.isOpen()) {
                    ch.consumers().resumeBrowsing();
                }
            }
        });
    }
}
