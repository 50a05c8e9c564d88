package io.warren.broker.queue;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Conditions a channel puts on pushing deliveries to all of its consumers at once: the client's flow switch
 * (AMQP {@code channel.flow}), a pause by the transport while its socket is not writable, and a limit on the
 * deliveries awaiting acknowledgement across the channel (AMQP {@code basic.qos} with {@code global}).
 *
 * <p>Queues read the gate under their own lock; the count is shared by queues that dispatch concurrently,
 * so the channel-wide limit may be passed by at most one delivery per queue dispatching at that moment.
 * When the gate reopens — flow back on, pause lifted, or an acknowledgement taking the count below the
 * limit — the {@code reopened} action runs (with no queue lock held) so that queues push again.
 */
public final class DeliveryGate {
    private final Runnable reopened;
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile boolean flowActive = true;
    private volatile boolean paused;
    private volatile int limit;

    /** @param reopened run when deliveries may flow again; it must push the channel's queues */
    public DeliveryGate(Runnable reopened) {
        this.reopened = reopened;
    }

    /** Switches deliveries on or off as the client asks ({@code channel.flow}). */
    public void setFlowActive(boolean active) {
        boolean was = flowActive;
        flowActive = active;
        if (active && !was) {
            reopened.run();
        }
    }

    public boolean flowActive() {
        return flowActive;
    }

    /** Pauses deliveries while the transport cannot take more (socket not writable). */
    public void setPaused(boolean pause) {
        boolean was = paused;
        paused = pause;
        if (was && !pause) {
            reopened.run();
        }
    }

    public boolean paused() {
        return paused;
    }

    /**
     * Channel-wide limit on unacknowledged deliveries; 0 for none. Only deliveries made while a limit is set
     * are counted, so a limit set on a channel that already holds deliveries applies to the ones that follow
     * (as RabbitMQ's {@code basic.qos} does).
     */
    public void setLimit(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + max);
        }
        int was = limit;
        limit = max;
        if (max == 0 || max > was) {
            reopened.run();
        }
    }

    public int limit() {
        return limit;
    }

    boolean limited() {
        return limit != 0;
    }

    /** Deliveries awaiting acknowledgement that count against {@link #limit()}. */
    public int outstanding() {
        return outstanding.get();
    }

    /** Whether a delivery may be pushed; {@code counted} deliveries (not auto-acked) also need room. */
    boolean admits(boolean counted) {
        if (!flowActive || paused) {
            return false;
        }
        if (!counted) {
            return true;
        }
        int l = limit;
        return l == 0 || outstanding.get() < l;
    }

    void acquired() {
        outstanding.incrementAndGet();
    }

    /** Called under a queue lock; a release that frees room wakes the queues once the lock is gone. */
    void released() {
        int now = outstanding.decrementAndGet();
        int l = limit;
        if (l != 0 && now == l - 1) {
            DeferredActions.current().defer(reopened);
        }
    }
}
