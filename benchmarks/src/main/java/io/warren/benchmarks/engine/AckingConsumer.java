package io.warren.benchmarks.engine;

import io.warren.broker.Channel;
import io.warren.broker.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * An engine consumer the way a client library builds one: the {@link io.warren.broker.DeliveryListener} only
 * hands deliveries to a buffer (it runs under the queue's lock and must not call back into the channel), and
 * a thread of its own takes them from there, counts them and acknowledges every {@code ackEvery}-th with
 * {@code multiple = true}, telling {@code onAck} how many it settled.
 */
final class AckingConsumer {
    private final Channel channel;
    private final int ackEvery;
    private final BlockingQueue<Delivery> buffer;
    private final IntConsumer onAck;
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param prefetch the consumer's prefetch: the broker never pushes more unacknowledged deliveries, so the
     *                 buffer never overflows
     */
    AckingConsumer(Channel channel, int ackEvery, int prefetch, IntConsumer onAck) {
        this.channel = channel;
        this.ackEvery = ackEvery;
        this.buffer = new ArrayBlockingQueue<>(prefetch);
        this.onAck = onAck;
        this.thread = new Thread(this::loop, "bench-e1-consumer");
        this.thread.setDaemon(true);
    }

    /** The delivery listener: never blocks. */
    void offer(Delivery d) {
        if (!buffer.offer(d)) {
            failure.compareAndSet(null, new IllegalStateException("more deliveries than the prefetch allows"));
        }
    }

    void start() {
        thread.start();
    }

    long consumed() {
        return consumed.get();
    }

    void checkHealthy() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("consumer failed: " + t, t);
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }

    private void loop() {
        List<Delivery> batch = new ArrayList<>(buffer.remainingCapacity());
        int unacked = 0;
        try {
            while (running) {
                batch.add(buffer.take());
                buffer.drainTo(batch);
                for (Delivery d : batch) {
                    consumed.lazySet(consumed.get() + 1);
                    if (++unacked == ackEvery) {
                        channel.ack(d.deliveryTag(), true);
                        onAck.accept(unacked);
                        unacked = 0;
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }
}
