package io.warren.jms.client;

import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * The application-server facility that feeds messages to sessions from a {@link ServerSessionPool}: each
 * message is loaded into a pooled session, which the server then runs.
 */
final class WarrenConnectionConsumer implements ConnectionConsumer {
    private final ServerSessionPool pool;
    private final WarrenSession session;
    private final MessageConsumer consumer;

    WarrenConnectionConsumer(WarrenConnection connection, Destination destination, String selector,
                             String subscription, boolean durable, ServerSessionPool pool) throws JMSException {
        this.pool = pool;
        this.session = (WarrenSession) connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        if (subscription == null) {
            consumer = session.createConsumer(destination, selector);
        } else if (durable) {
            consumer = session.createSharedDurableConsumer((Topic) destination, subscription, selector);
        } else {
            consumer = session.createSharedConsumer((WarrenTopic) WarrenSession.resolve(destination), subscription,
                    selector);
        }
        consumer.setMessageListener(message -> {
            try {
                ServerSession ss = pool.getServerSession();
                ((WarrenSession) ss.getSession()).load(message);
                ss.start();
            } catch (JMSException e) {
                connection.onAsyncException(e);
            }
        });
    }

    @Override
    public ServerSessionPool getServerSessionPool() {
        return pool;
    }

    @Override
    public void close() throws JMSException {
        consumer.close();
        session.close();
    }
}
