package io.warren.jms.client;

import io.warren.jms.transport.BrokerConnection;
import jakarta.jms.JMSException;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;

/**
 * A connection whose {@link #createXASession() XA sessions} take part in distributed transactions; it also makes
 * ordinary sessions, as any connection does. Only brokers that support XA (Warren, in-JVM or over {@code amqp://})
 * give XA sessions.
 */
public class WarrenXAConnection extends WarrenConnection implements XAQueueConnection, XATopicConnection {

    WarrenXAConnection(ClientOptions options, BrokerConnection link, String user, String password) {
        super(options, link, user, password);
    }

    /** Opens an XA connection with the given options. */
    public static WarrenXAConnection openXA(ClientOptions options, String user, String password) throws JMSException {
        return open(options, user, password, WarrenXAConnection::new);
    }

    @Override
    public XASession createXASession() throws JMSException {
        checkOpen();
        fixClientId();
        if (!link().features().xa()) {
            throw new JMSException(link().features().name() + " does not support XA transactions: connect to a"
                    + " Warren broker (vm:// or amqp:// to a Warren server) for XA sessions");
        }
        return register(new WarrenXASession(this));
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return (XAQueueSession) createXASession();
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return (XATopicSession) createXASession();
    }
}
