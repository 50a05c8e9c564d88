package io.warren.benchmarks.jms;

import io.warren.benchmarks.LatencyRecorder;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A message listener that counts what it receives and gives the producer's in-flight permit back for each
 * message. With a {@link LatencyRecorder} it also records how long ago the message was sent, read from the
 * {@value #SENT_AT} property ({@link System#nanoTime()} of the sender, which is in the same JVM).
 */
final class CountingListener implements MessageListener {
    /** Long property holding the sender's {@link System#nanoTime()}. */
    static final String SENT_AT = "benchSentAtNanos";

    private final Semaphore window;
    private final LatencyRecorder latency;
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** A listener that only counts and releases permits. */
    CountingListener(Semaphore window) {
        this(window, null);
    }

    /** A listener that also records send-to-receive latency into {@code latency}. */
    CountingListener(Semaphore window, LatencyRecorder latency) {
        this.window = window;
        this.latency = latency;
    }

    @Override
    public void onMessage(Message message) {
        try {
            if (latency != null) {
                latency.record(System.nanoTime() - message.getLongProperty(SENT_AT));
            }
        } catch (JMSException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        received.lazySet(received.get() + 1);
        window.release();
    }

    /** Messages received so far. */
    long received() {
        return received.get();
    }

    /** Throws when reading a message failed. */
    void checkHealthy() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("listener failed: " + t, t);
        }
    }
}
