package io.warren.jms.client;

import io.warren.thread.WarrenThreads;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.ErrorCodes;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-establishes a connection whose broker link was lost, when its URL asks for it (a host list, or
 * {@code failover=true}): the URL's hosts are tried in order, with growing pauses, until one accepts or
 * {@code failoverTimeout} passes. On the new link the client ID is claimed again, temporary queues are declared
 * again under their names, and every session gets a new channel on which its consumers subscribe again; what
 * the old channel had delivered and the application had not acknowledged the broker gives again, marked
 * redelivered. Only when it gives up does the exception listener hear of the loss.
 */
final class ConnectionFailover {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFailover.class);
    private static final long DEFAULT_TIMEOUT_MS = 60_000;
    private static final long MAX_PAUSE_MS = 1_000;

    private final WarrenConnection connection;
    private final boolean enabled;
    private final long timeoutMs;
    private final Object lock = new Object();
    private boolean running;
    private boolean lostAgain;

    ConnectionFailover(WarrenConnection connection, ClientOptions options) {
        this.connection = connection;
        var url = options.url();
        this.enabled = !url.isVm() && url.booleanOption("failover", url.endpoints().size() > 1);
        this.timeoutMs = url.intOption("failoverTimeout", (int) DEFAULT_TIMEOUT_MS);
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * The link was lost: starts re-establishing it on a thread of its own, unless that runs already.
     *
     * @return false when fail-over is off and the loss is final
     */
    boolean begin(String reason) {
        if (!enabled) {
            return false;
        }
        synchronized (lock) {
            if (running) {
                lostAgain = true;
                return true;
            }
            running = true;
            lostAgain = false;
        }
        WarrenThreads.newThread(() -> run(reason), "warren-failover").start();
        return true;
    }

    private void run(String reason) {
        LOG.warn("{}: {}; failing over", connection, reason);
        long deadline = System.currentTimeMillis() + timeoutMs;
        long pause = 50;
        Exception last = null;
        while (!connection.isClosing() && System.currentTimeMillis() < deadline) {
            BrokerConnection fresh = null;
            try {
                fresh = connection.reconnect();
                BrokerConnection candidate = fresh;
                fresh.onLost(why -> connection.linkLost(candidate, why));
                if (connection.clientIdOrNull() != null) {
                    connection.takeClientId(fresh, connection.clientIdOrNull());
                }
                redeclareTemporaryQueues(fresh);
                BrokerConnection old = connection.replaceLink(fresh);
                old.close();
                for (WarrenSession s : connection.sessions()) {
                    s.failOver();
                }
                synchronized (lock) {
                    if (!lostAgain) {
                        running = false;
                        lock.notifyAll();
                        LOG.info("{}: failed over", connection);
                        return;
                    }
                    lostAgain = false;
                }
            } catch (JMSException | RuntimeException e) {
                last = e;
                if (fresh != null && connection.link() != fresh) {
                    fresh.close();
                }
            }
            pause = pause(pause, deadline);
        }
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        if (connection.isClosing()) {
            return; // the application closed it meanwhile: nobody to tell
        }
        connection.lost(reason + (last == null ? "" : "; fail-over gave up after " + timeoutMs + " ms: "
                + last.getMessage()));
    }

    private static long pause(long pause, long deadline) {
        try {
            Thread.sleep(Math.max(0, Math.min(pause, deadline - System.currentTimeMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.min(pause * 2, MAX_PAUSE_MS);
    }

    private void redeclareTemporaryQueues(BrokerConnection fresh) throws JMSException {
        BrokerChannel ch = fresh.createChannel();
        try {
            for (WarrenDestination d : connection.temporaries()) {
                if (d instanceof WarrenTemporaryQueue) {
                    ch.declareQueue(d.name(), false, true, false, SessionTopology.QUEUE_ARGUMENTS);
                }
            }
        } finally {
            ch.close();
        }
    }

    /**
     * After an operation failed for a lost link: waits until fail-over has put a new one in place.
     *
     * @return whether the operation may be tried again on the session's new channel
     */
    boolean recovered(JMSException failure, WarrenSession session, BrokerChannel failedOn) {
        if (!enabled || !ErrorCodes.CONNECTION_LOST.equals(failure.getErrorCode())) {
            return false;
        }
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (lock) {
            while (!connection.isClosing() && !connection.isLost()
                    && (running || session.channel() == failedOn)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.min(left, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !connection.isClosing() && !connection.isLost() && session.channel() != failedOn;
    }
}
