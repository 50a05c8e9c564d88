package io.warren.ra.inbound;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import javax.transaction.xa.XAResource;

/**
 * One session of an endpoint activation: a consumer whose listener hands each message to a message endpoint
 * (a bean instance the server lends), framed by {@code beforeDelivery}/{@code afterDelivery}.
 *
 * <p>Transacted delivery consumes in an XA session and creates the endpoint with that session's
 * {@link XAResource}: the server enlists it in {@code beforeDelivery}, so receiving the message joins the
 * bean's transaction, and a rollback (the bean throws, or calls {@code setRollbackOnly}) puts the message back
 * to be redelivered. Otherwise the session acknowledges as configured, and a bean that throws has its message
 * redelivered by the session (the listener rethrows).
 *
 * <p>Threads: the provider calls {@link #onMessage} on the session's one delivery thread, so one endpoint per
 * session is used serially; {@link #close()} waits for a delivery in progress.
 */
final class InboundSession implements MessageListener {
    private static final System.Logger LOG = System.getLogger(InboundSession.class.getName());
    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory factory;
    private final Session session;
    private final XAResource xaResource;
    private volatile MessageEndpoint endpoint;
    /** Shared by the activation's sessions: a refused endpoint is refused to all of them. */
    private final ReconnectBackoff refusals;
    private volatile boolean closed;

    private InboundSession(MessageEndpointFactory factory, Session session, XAResource xaResource,
                           ReconnectBackoff refusals) {
        this.refusals = refusals;
        this.factory = factory;
        this.session = session;
        this.xaResource = xaResource;
    }

    /**
     * Opens the session and its consumer; delivery starts when the connection starts.
     *
     * @param transacted consume in an XA session whose resource the server enlists per message
     */
    static InboundSession open(Connection connection, ActivationConfig config, Destination destination,
                               MessageEndpointFactory factory, boolean transacted, ReconnectBackoff refusals)
            throws JMSException {
        Session session;
        XAResource xaResource = null;
        if (transacted) {
            if (!(connection instanceof XAConnection xa)) {
                throw new JMSException("transacted delivery needs an XA connection, and " + connection.getClass()
                        .getName() + " is not one");
            }
            XASession xaSession = xa.createXASession();
            session = xaSession.getSession();
            xaResource = xaSession.getXAResource();
        } else {
            session = connection.createSession(false, config.acknowledgeMode());
        }
        InboundSession inbound = new InboundSession(factory, session, xaResource, refusals);
        try {
            MessageConsumer consumer = config.createConsumer(session, destination);
            consumer.setMessageListener(inbound);
        } catch (JMSException | RuntimeException e) {
            session.close();
            throw e;
        }
        return inbound;
    }

    /** The session, for resolving destinations. */
    Session session() {
        return session;
    }

    @Override
    public void onMessage(Message message) {
        MessageEndpoint target = endpoint();
        try {
            target.beforeDelivery(ON_MESSAGE);
        } catch (NoSuchMethodException | ResourceException e) {
            discardEndpoint();
            // Thrown back to the session so the message is redelivered, not lost.
            throw new IllegalStateException("the server refused to start delivery to " + factory + ": " + e, e);
        }
        RuntimeException failure = null;
        try {
            ((MessageListener) target).onMessage(message);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            try {
                target.afterDelivery();
            } catch (ResourceException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "afterDelivery failed for " + factory
                        + "; the message will be redelivered", e);
                if (failure == null) {
                    failure = new IllegalStateException("afterDelivery failed: " + e, e);
                }
            }
        }
        if (failure != null) {
            // A bean instance that threw is discarded by the container; the next message gets a fresh one.
            discardEndpoint();
            if (xaResource == null) {
                throw failure;
            }
            // Transacted: the container rolled the transaction back, which returned the message to the queue.
            LOG.log(System.Logger.Level.DEBUG, "transacted delivery failed and was rolled back: " + failure);
        }
    }

    private MessageEndpoint endpoint() {
        MessageEndpoint e = endpoint;
        if (e == null) {
            try {
                e = factory.createEndpoint(xaResource);
            } catch (ResourceException ex) {
                backOff();
                throw new IllegalStateException("could not create a message endpoint of " + factory + ": " + ex, ex);
            }
            synchronized (refusals) {
                refusals.reset();
            }
            endpoint = e;
        }
        return e;
    }

    /**
     * The server refused an endpoint (its bean pool is exhausted, say): the message goes back and comes again,
     * so wait longer each time in a row, across the activation's sessions, rather than spin on the refusal.
     */
    private void backOff() {
        long delay;
        synchronized (refusals) {
            delay = refusals.nextDelayMillis();
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void discardEndpoint() {
        MessageEndpoint e = endpoint;
        endpoint = null;
        if (e != null) {
            e.release();
        }
    }

    /** Closes the session (waiting for a delivery in progress), then gives the endpoint back to the server. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing an inbound session failed: " + e);
        }
        discardEndpoint();
    }
}
