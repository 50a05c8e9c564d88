package io.warren.ra.testing;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-JVM broker of its own for one test ({@code vm://NAME}), with a plain (non-adapter) client to send and to
 * check what arrived. {@link #close()} stops the broker.
 */
public final class TestBroker implements AutoCloseable {
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private final String name;
    private final WarrenConnectionFactory client;

    public TestBroker(String prefix) {
        this.name = prefix + "-" + NUMBERS.incrementAndGet();
        this.client = new WarrenConnectionFactory(url());
    }

    public String name() {
        return name;
    }

    public String url() {
        return "vm://" + name;
    }

    public void send(String queue, String... texts) {
        try (JMSContext ctx = client.createContext()) {
            for (String text : texts) {
                ctx.createProducer().send(ctx.createQueue(queue), text);
            }
        }
    }

    public void send(String queue, String text, Map<String, Object> properties) {
        try (JMSContext ctx = client.createContext()) {
            var producer = ctx.createProducer();
            properties.forEach(producer::setProperty);
            producer.send(ctx.createQueue(queue), text);
        }
    }

    public void publish(String topic, String text) {
        publish(topic, text, Map.of());
    }

    public void publish(String topic, String text, Map<String, Object> properties) {
        try (JMSContext ctx = client.createContext()) {
            var producer = ctx.createProducer();
            properties.forEach(producer::setProperty);
            producer.send(ctx.createTopic(topic), text);
        }
    }

    /**
     * Takes every message waiting on the queue, waiting up to {@code firstWaitMillis} for the first (0: not at
     * all, for checking that nothing is there).
     */
    public List<String> drain(String queue, long firstWaitMillis) {
        List<String> texts = new ArrayList<>();
        try (JMSContext ctx = client.createContext()) {
            Destination q = ctx.createQueue(queue);
            try (JMSConsumer consumer = ctx.createConsumer(q)) {
                Message m = firstWaitMillis == 0 ? consumer.receiveNoWait() : consumer.receive(firstWaitMillis);
                while (m != null) {
                    texts.add(m.getBody(String.class));
                    m = consumer.receiveNoWait();
                }
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        }
        return texts;
    }

    /** Stops the broker; the next connection to its name starts a new, empty one. */
    public void stop() {
        VmBrokers.stop(name);
    }

    @Override
    public void close() {
        stop();
    }
}
