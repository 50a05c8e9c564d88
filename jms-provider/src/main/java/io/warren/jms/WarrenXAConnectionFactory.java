package io.warren.jms;

import io.warren.jms.client.JmsExceptions;
import io.warren.jms.client.WarrenXAConnection;
import io.warren.jms.client.WarrenXAJMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;

/**
 * The connection factory for distributed (XA) transactions, for transaction managers and application servers:
 * its {@link XAConnection}s make {@link jakarta.jms.XASession}s whose {@link javax.transaction.xa.XAResource}
 * enlists Warren in a global transaction beside a database. It takes the same URLs and settings as
 * {@link WarrenConnectionFactory} ({@code vm://} and {@code amqp://} to a Warren server; RabbitMQ has no XA) and
 * makes ordinary connections too.
 */
public class WarrenXAConnectionFactory extends WarrenConnectionFactory
        implements XAQueueConnectionFactory, XATopicConnectionFactory {
    private static final long serialVersionUID = 1L;

    public WarrenXAConnectionFactory() {
        super();
    }

    public WarrenXAConnectionFactory(String url) {
        super(url);
    }

    @Override
    public XAConnection createXAConnection() throws JMSException {
        return createXAConnection(null, null);
    }

    @Override
    public XAConnection createXAConnection(String userName, String password) throws JMSException {
        return WarrenXAConnection.openXA(connectionOptions(), userName, password);
    }

    @Override
    public XAQueueConnection createXAQueueConnection() throws JMSException {
        return createXAQueueConnection(null, null);
    }

    @Override
    public XAQueueConnection createXAQueueConnection(String userName, String password) throws JMSException {
        WarrenXAConnection c = WarrenXAConnection.openXA(connectionOptions(), userName, password);
        c.markQueueConnection();
        return c;
    }

    @Override
    public XATopicConnection createXATopicConnection() throws JMSException {
        return createXATopicConnection(null, null);
    }

    @Override
    public XATopicConnection createXATopicConnection(String userName, String password) throws JMSException {
        return WarrenXAConnection.openXA(connectionOptions(), userName, password);
    }

    @Override
    public XAJMSContext createXAContext() {
        return createXAContext(null, null);
    }

    @Override
    public XAJMSContext createXAContext(String userName, String password) {
        try {
            return new WarrenXAJMSContext(WarrenXAConnection.openXA(connectionOptions(), userName, password));
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public String toString() {
        return "WarrenXAConnectionFactory[" + io.warren.jms.url.ConnectionUrl.redact(getUrl()) + "]";
    }
}
