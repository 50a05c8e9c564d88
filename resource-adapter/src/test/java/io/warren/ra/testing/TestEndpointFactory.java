package io.warren.ra.testing;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * A server's message endpoint factory in miniature, standing in for a message-driven bean: each endpoint runs
 * {@link Handler} for each message. With transacted delivery an endpoint behaves like a container-managed transaction
 * (REQUIRED): {@code beforeDelivery} begins a {@link TestTransaction} and enlists the session's XA resource,
 * {@code afterDelivery} commits it, or rolls it back when the handler threw or called
 * {@link Delivery#setRollbackOnly()}. It records every attempt as {@code text|redelivered|deliveryCount}.
 */
public final class TestEndpointFactory implements MessageEndpointFactory {
    /** What the bean does with one message. */
    @FunctionalInterface
    public interface Handler {
        void onMessage(Delivery delivery) throws Exception;
    }

    /** One attempt to deliver a message. */
    public record Delivery(Message message, String text, boolean redelivered, int deliveryCount,
                           TestTransaction transaction) {
        public void setRollbackOnly() {
            transaction.setRollbackOnly();
        }
    }

    private final boolean transacted;
    private final Handler handler;
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger committed = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final AtomicInteger toRefuse = new AtomicInteger();
    private final List<Long> refusedAtNanos = new CopyOnWriteArrayList<>();

    public TestEndpointFactory(boolean transacted, Handler handler) {
        this.transacted = transacted;
        this.handler = handler;
    }

    public List<String> attempts() {
        return List.copyOf(attempts);
    }

    public int committed() {
        return committed.get();
    }

    public int rolledBack() {
        return rolledBack.get();
    }

    public int created() {
        return created.get();
    }

    public int released() {
        return released.get();
    }

    /** The next {@code n} endpoint requests are refused, as a server whose bean pool is exhausted refuses them. */
    public void refuseNext(int n) {
        toRefuse.set(n);
    }

    /** When each refused request came ({@link System#nanoTime()}). */
    public List<Long> refusedAtNanos() {
        return List.copyOf(refusedAtNanos);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        if (toRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refusedAtNanos.add(System.nanoTime());
            throw new UnavailableException("no bean instance available");
        }
        created.incrementAndGet();
        return new Endpoint(xaResource);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "test-endpoint";
    }

    @Override
    public Class<?> getEndpointClass() {
        return MessageListener.class;
    }

    /** The bean instance plus the container's proxy around it. */
    private final class Endpoint implements MessageEndpoint, MessageListener {
        private final XAResource xaResource;
        private TestTransaction transaction;
        private boolean failed;

        Endpoint(XAResource xaResource) {
            this.xaResource = xaResource;
        }

        @Override
        public void beforeDelivery(Method method) throws ResourceException {
            failed = false;
            if (xaResource != null) {
                transaction = new TestTransaction();
                try {
                    transaction.enlist(xaResource);
                } catch (XAException e) {
                    throw new ResourceException("enlistment failed: " + e, e);
                }
            }
        }

        @Override
        public void onMessage(Message message) {
            Delivery d;
            try {
                d = new Delivery(message, message instanceof TextMessage t ? t.getText() : String.valueOf(message),
                        message.getJMSRedelivered(), message.getIntProperty("JMSXDeliveryCount"), transaction);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            attempts.add(d.text() + "|" + d.redelivered() + "|" + d.deliveryCount());
            try {
                handler.onMessage(d);
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            } catch (Exception e) {
                failed = true;
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void afterDelivery() throws ResourceException {
            if (transaction == null) {
                return;
            }
            try {
                if (failed) {
                    transaction.setRollbackOnly();
                }
                if (transaction.complete()) {
                    committed.incrementAndGet();
                } else {
                    rolledBack.incrementAndGet();
                }
            } catch (XAException e) {
                throw new ResourceException("completion failed: " + e, e);
            } finally {
                transaction = null;
            }
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }
}
