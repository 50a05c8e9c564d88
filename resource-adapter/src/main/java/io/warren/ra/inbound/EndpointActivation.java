package io.warren.ra.inbound;

import io.warren.ra.PhysicalConnections;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;

/**
 * One message-driven endpoint's link to the broker: a connection and {@link ActivationConfig#sessionCount()}
 * {@link InboundSession}s consuming from the configured destination.
 *
 * <p>When the connection fails (broker stopped, network lost) or cannot be opened, the activation logs a warning
 * with the reason and tries again on the adapter's timer with a growing delay ({@link ReconnectBackoff}), until it
 * succeeds or the endpoint is deactivated; it never stops silently. {@link #stop()} closes the sessions, each
 * waiting for its delivery in progress, then the connection.
 *
 * <p>Threads: {@code start}/{@code stop} come from the server, failures from the provider's exception thread,
 * reconnection runs on the timer; all state changes happen under {@code lock}.
 */
public final class EndpointActivation {
    private static final System.Logger LOG = System.getLogger(EndpointActivation.class.getName());
    static final long FIRST_RETRY_MILLIS = 100;
    static final long MAX_RETRY_MILLIS = 30_000;

    private final ActivationConfig config;
    private final MessageEndpointFactory factory;
    private final boolean transacted;
    private final Timer timer;
    private final Object lock = new Object();
    private final ReconnectBackoff backoff = new ReconnectBackoff(FIRST_RETRY_MILLIS, MAX_RETRY_MILLIS);
    /** Pauses after the server refused an endpoint: 50 ms doubling up to 5 s. */
    private final ReconnectBackoff endpointRefusals = new ReconnectBackoff(50, 5_000);
    private Connection connection;
    private final List<InboundSession> sessions = new ArrayList<>();
    private TimerTask pendingRetry;
    private boolean stopped;

    /**
     * @param transacted deliver in XA transactions ({@code MessageEndpointFactory.isDeliveryTransacted(onMessage)})
     * @param timer      the adapter's timer, on which reconnection attempts run
     */
    public EndpointActivation(ActivationConfig config, MessageEndpointFactory factory, boolean transacted,
                              Timer timer) {
        this.config = config;
        this.factory = factory;
        this.transacted = transacted;
        this.timer = timer;
    }

    /** Whether the factory asks for transacted delivery of {@code onMessage}. */
    public static boolean deliveryTransacted(MessageEndpointFactory factory) {
        try {
            return factory.isDeliveryTransacted(InboundSession.ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("the endpoint does not implement jakarta.jms.MessageListener", e);
        }
    }

    /**
     * Connects and starts delivery; if the broker cannot be reached now, logs a warning and keeps trying in the
     * background, so that deployment does not depend on the broker being up.
     */
    public void start() {
        synchronized (lock) {
            attemptLocked();
        }
    }

    /** Whether the activation currently has a started connection (for monitoring and tests). */
    public boolean isConnected() {
        synchronized (lock) {
            return connection != null;
        }
    }

    /** The number of sessions delivering now. */
    public int sessionCount() {
        synchronized (lock) {
            return sessions.size();
        }
    }

    private void attemptLocked() {
        if (stopped) {
            return;
        }
        pendingRetry = null;
        try {
            connectLocked();
            if (backoff.attempts() > 0) {
                LOG.log(Level.INFO, "Warren endpoint on " + config.describeDestination() + " reconnected to "
                        + config.connection() + " after " + backoff.attempts() + " attempt(s)");
            }
            backoff.reset();
        } catch (JMSException | RuntimeException e) {
            closeLocked();
            scheduleRetryLocked("could not connect: " + reason(e), e);
        }
    }

    private void connectLocked() throws JMSException {
        Connection c = PhysicalConnections.open(config.connection(), config.clientId());
        connection = c;
        c.setExceptionListener(failure -> onConnectionFailure(c, failure));
        Destination destination = null;
        for (int i = 0; i < config.sessionCount(); i++) {
            InboundSession s = InboundSession.open(c, config, destination != null ? destination
                    : (destination = resolveDestination(c)), factory, transacted, endpointRefusals);
            sessions.add(s);
        }
        c.start();
    }

    private Destination resolveDestination(Connection c) throws JMSException {
        var session = c.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
        try {
            return config.resolveDestination(session);
        } finally {
            session.close();
        }
    }

    /**
     * Called on the provider's thread: the teardown runs on the timer instead, since closing a connection from
     * inside its own exception listener may wait for that very thread.
     */
    private void onConnectionFailure(Connection failed, JMSException failure) {
        schedule(guarded(() -> {
            if (stopped || failed != connection) {
                return;
            }
            closeLocked();
            scheduleRetryLocked("lost its connection: " + reason(failure), failure);
        }), 0);
    }

    private void schedule(TimerTask task, long delayMillis) {
        try {
            timer.schedule(task, delayMillis);
        } catch (IllegalStateException adapterStopped) {
            // The adapter stopped and cancelled its timer; it stops this activation too.
        }
    }

    /** A timer task that runs {@code action} under the lock and never lets a failure kill the shared timer. */
    private TimerTask guarded(Runnable action) {
        return new TimerTask() {
            @Override
            public void run() {
                try {
                    synchronized (lock) {
                        action.run();
                    }
                } catch (Throwable t) {
                    LOG.log(Level.ERROR, "unexpected failure in the Warren endpoint on "
                            + config.describeDestination(), t);
                }
            }
        };
    }

    private void scheduleRetryLocked(String what, Throwable cause) {
        if (stopped || pendingRetry != null) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        LOG.log(Level.WARNING, "Warren endpoint on " + config.describeDestination() + " (" + config.connection()
                + ") " + what + "; retrying in " + delay + " ms (attempt " + backoff.attempts() + ")");
        LOG.log(Level.DEBUG, "cause", cause);
        pendingRetry = guarded(this::attemptLocked);
        schedule(pendingRetry, delay);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Stops delivery: no new messages start; deliveries in progress finish first. Idempotent. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (pendingRetry != null) {
                pendingRetry.cancel();
                pendingRetry = null;
            }
            closeLocked();
        }
    }

    private void closeLocked() {
        for (InboundSession s : sessions) {
            s.close();
        }
        sessions.clear();
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.DEBUG, "closing the inbound connection failed: " + e);
            }
        }
    }

    @Override
    public String toString() {
        return "EndpointActivation[" + config.describeDestination() + ", transacted=" + transacted + "]";
    }
}
