package io.warren.junit;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.client.JmsExceptions;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * The JMS client behind {@link WarrenExtension}'s helpers: one connection, opened on first use and closed by
 * {@link #close()}, and a session of its own for each call, so calls from several threads do not share a
 * session and a slow {@code receive} holds up nobody. Its consumers take one message at a time (prefetch 1)
 * and are closed before a call returns, so no message is left held by a helper. Acknowledgement is automatic.
 * Thread-safe.
 */
final class HelperClient implements AutoCloseable {
    private final WarrenConnectionFactory factory;
    /** The connection, as a context the per-call contexts are made from; null until used and after close. */
    private JMSContext connection;

    HelperClient(String url) {
        factory = new WarrenConnectionFactory(url);
        factory.setPrefetch(1);
    }

    private synchronized JMSContext session() {
        if (connection == null) {
            connection = factory.createContext();
        }
        return connection.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    /** Declares a JMS queue as the provider does when a session first uses it. */
    void declareQueue(String queue) {
        try (JMSContext ctx = session()) {
            // a browser uses the queue and takes nothing from it
            ctx.createBrowser(ctx.createQueue(queue)).close();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    Message sendToQueue(String queue, Map<String, ?> properties, MessageCreator creator) {
        try (JMSContext ctx = session()) {
            return send(ctx, ctx.createQueue(queue), properties, creator);
        }
    }

    Message publish(String topic, Map<String, ?> properties, MessageCreator creator) {
        try (JMSContext ctx = session()) {
            return send(ctx, ctx.createTopic(topic), properties, creator);
        }
    }

    private static Message send(JMSContext ctx, jakarta.jms.Destination to, Map<String, ?> properties,
                                MessageCreator creator) {
        Message message;
        try {
            message = creator.create(ctx);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        JMSProducer producer = ctx.createProducer();
        properties.forEach(producer::setProperty);
        producer.send(to, message);
        return message;
    }

    /** The next message of the queue, waiting up to {@code timeout} (zero: only one there now), or null. */
    Message receive(String queue, Duration timeout) {
        try (JMSContext ctx = session(); JMSConsumer consumer = ctx.createConsumer(ctx.createQueue(queue))) {
            long millis = timeout.toMillis();
            return millis <= 0 ? consumer.receiveNoWait() : consumer.receive(millis);
        }
    }

    /** Every message the queue has for a consumer now, in delivery order. */
    List<Message> drain(String queue) {
        List<Message> messages = new ArrayList<>();
        try (JMSContext ctx = session(); JMSConsumer consumer = ctx.createConsumer(ctx.createQueue(queue))) {
            for (Message m = consumer.receiveNoWait(); m != null; m = consumer.receiveNoWait()) {
                messages.add(m);
            }
        }
        return messages;
    }

    /** The messages of the queue, in order, left where they are. */
    List<Message> browse(String queue) {
        List<Message> messages = new ArrayList<>();
        try (JMSContext ctx = session()) {
            Queue q = ctx.createQueue(queue);
            try (QueueBrowser browser = ctx.createBrowser(q)) {
                Enumeration<?> e = browser.getEnumeration();
                while (e.hasMoreElements()) {
                    messages.add((Message) e.nextElement());
                }
            } catch (JMSException e) {
                throw JmsExceptions.toRuntime(e);
            }
        }
        return messages;
    }

    /** Closes the connection; the next call opens another (to a restarted broker, say). */
    @Override
    public synchronized void close() {
        if (connection != null) {
            JMSContext c = connection;
            connection = null;
            c.close();
        }
    }
}
