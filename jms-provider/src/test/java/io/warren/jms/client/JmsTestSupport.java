package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.QueueInfo;
import io.warren.broker.VirtualHost;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the provider's behaviour tests: each test class talks to its own in-JVM broker {@code vm://<class name>},
 * which is stopped after every test so that tests never see each other's queues. Connections and contexts made
 * through the helpers are closed after each test.
 */
abstract class JmsTestSupport {
    /** How long to wait for a message that must arrive: generous, it only matters when a test fails. */
    static final long RECEIVE_TIMEOUT = 5_000;
    /** How long to wait for a message that must not arrive. */
    static final long ABSENT_TIMEOUT = 150;
    private static final AtomicLong NAMES = new AtomicLong();

    static {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultTimeout(Duration.ofSeconds(10));
    }

    final String brokerName = getClass().getSimpleName();
    final String url = "vm://" + brokerName;
    final WarrenConnectionFactory factory = new WarrenConnectionFactory(url);
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    @AfterEach
    void closeResourcesAndStopBroker() {
        AutoCloseable r;
        while ((r = pop()) != null) {
            try {
                r.close();
            } catch (Exception | Error ignored) {
                // best effort: the broker is stopped next anyway
            }
        }
        VmBrokers.stop(brokerName);
    }

    private synchronized AutoCloseable pop() {
        return resources.pollLast();
    }

    /** Closes {@code resource} after the test (in reverse order of registration). */
    synchronized <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** A new, stopped connection closed after the test. */
    Connection connection() throws JMSException {
        return track(factory.createConnection());
    }

    Connection connection(WarrenConnectionFactory cf) throws JMSException {
        return track(cf.createConnection());
    }

    Connection startedConnection() throws JMSException {
        Connection c = connection();
        c.start();
        return c;
    }

    JMSContext context() {
        return track(factory.createContext());
    }

    JMSContext context(int mode) {
        return track(factory.createContext(mode));
    }

    /** A factory for the same broker with a client ID. */
    WarrenConnectionFactory factoryWithClientId(String clientId) {
        WarrenConnectionFactory cf = new WarrenConnectionFactory(url);
        cf.setClientID(clientId);
        return cf;
    }

    /** A name no other test of this run uses. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    VirtualHost virtualHost() {
        return VmBrokers.get(brokerName).defaultVirtualHost();
    }

    /** The broker's view of a (non-exclusive) queue: ready messages and consumers. */
    QueueInfo queueInfo(String queue) {
        return virtualHost().queueDeclarePassive(null, queue);
    }

    int readyCount(String queue) {
        return queueInfo(queue).messageCount();
    }

    static void sendTexts(Session session, Destination destination, String... texts) throws JMSException {
        MessageProducer p = session.createProducer(destination);
        try {
            for (String t : texts) {
                p.send(session.createTextMessage(t));
            }
        } finally {
            p.close();
        }
    }

    /** Receives a message that must arrive. */
    static Message receive(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(m).as("a message within %d ms", RECEIVE_TIMEOUT).isNotNull();
        return m;
    }

    static String receiveText(MessageConsumer consumer) throws JMSException {
        return ((TextMessage) receive(consumer)).getText();
    }

    static List<String> receiveTexts(MessageConsumer consumer, int n) throws JMSException {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(receiveText(consumer));
        }
        return out;
    }

    /** Asserts that no message arrives within {@link #ABSENT_TIMEOUT}. */
    static void assertNoMessage(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(ABSENT_TIMEOUT);
        assertThat(m).as("no message expected").isNull();
    }

    static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }
}
