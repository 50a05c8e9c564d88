package io.warren.ra.outbound;

import io.warren.ra.outbound.context.WarrenContextHandle;
import io.warren.jms.client.JmsExceptions;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/**
 * The connection factory applications look up (for example {@code @Resource(lookup = "jms/warrenCF")}): each
 * {@code createConnection} asks the server's {@link ConnectionManager} for a pooled, transaction-enlisted
 * {@link WarrenManagedConnection} and returns a {@link WarrenConnectionHandle} on it; {@code createContext}
 * wraps such a handle in a {@link WarrenContextHandle}. Works as a queue and a topic connection factory too.
 *
 * <p>Thread-safe; serializable and {@link Referenceable} so the server can bind it in JNDI.
 */
public class WarrenRaConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable, Referenceable {
    private static final long serialVersionUID = 1L;

    private final WarrenManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    WarrenRaConnectionFactory(WarrenManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate(WarrenConnectionRequestInfo.DEFAULT);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return allocate(new WarrenConnectionRequestInfo(userName, password));
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return allocate(WarrenConnectionRequestInfo.DEFAULT);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return allocate(new WarrenConnectionRequestInfo(userName, password));
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return allocate(WarrenConnectionRequestInfo.DEFAULT);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return allocate(new WarrenConnectionRequestInfo(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return createContext(null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    /**
     * The session mode counts only outside a transaction, as for {@code createSession} in a container (see
     * {@link TransactionMode}).
     */
    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        try {
            TransactionMode.requested(sessionMode);
            return new WarrenContextHandle(allocate(new WarrenConnectionRequestInfo(userName, password)),
                    sessionMode);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(null, null, sessionMode);
    }

    private WarrenConnectionHandle allocate(WarrenConnectionRequestInfo info) throws JMSException {
        try {
            return (WarrenConnectionHandle) manager.allocateConnection(factory, info);
        } catch (ResourceException e) {
            JMSException failure = new JMSException("could not get a Warren connection from the pool: "
                    + e.getMessage(), e.getErrorCode());
            failure.setLinkedException(e);
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "WarrenRaConnectionFactory[" + factory + "]";
    }
}
