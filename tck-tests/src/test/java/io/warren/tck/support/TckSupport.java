package io.warren.tck.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base class of the conformance suite. Everything here uses {@code jakarta.jms} and {@code javax.naming} only: every
 * administered object comes from JNDI ({@code jndi.properties} on the test class path), so the suite runs against any
 * provider whose JNDI provider understands the same names.
 *
 * <p>
 * Destinations: {@link #queue()} and {@link #topic()} look up {@code dynamicQueues/NAME} and {@code dynamicTopics/NAME}
 * with a name unique to the test (and to each call), so tests never see each other's messages and need no purge.
 * {@link #adminQueue()} and {@link #adminTopic()} return the destinations configured in {@code jndi.properties}.
 *
 * <p>
 * Resources: connections, contexts and anything passed to {@link #closeLater} are closed after each test, in reverse
 * order, even when the test fails.
 */
public abstract class TckSupport {

    /** Longest time a test waits for a message that must arrive. */
    protected static final long RECEIVE_TIMEOUT = 3_000;

    /** How long a test waits before concluding that a message that must not arrive did not arrive. */
    protected static final long ABSENCE_TIMEOUT = 150;

    private static final AtomicLong SEQUENCE = new AtomicLong();

    static {
        // conditions are cheap to evaluate (a receiveNoWait, a thread state): poll often, start at once
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }
    private static InitialContext jndi;

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private String testName = "test";

    @BeforeEach
    void rememberTestName(TestInfo info) {
        String method = info.getTestMethod().map(Method::getName).orElse("test");
        testName = getClass().getSimpleName().replace("Test", "").toLowerCase(Locale.ROOT) + "." + method;
    }

    @AfterEach
    void closeResources() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception ignored) {
                // a test may already have closed it, or left it in a failed state on purpose
            }
        }
    }

    // ---------------------------------------------------------------- JNDI

    protected static synchronized InitialContext jndi() {
        if (jndi == null) {
            try {
                jndi = AmqpLoopback.enabled() ? new InitialContext(AmqpLoopback.environment()) : new InitialContext();
            } catch (NamingException e) {
                throw new IllegalStateException("cannot create the InitialContext from jndi.properties", e);
            }
        }
        return jndi;
    }

    protected static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(jndi().lookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("JNDI lookup of " + name + " failed", e);
        }
    }

    protected static ConnectionFactory factory() {
        return lookup("ConnectionFactory", ConnectionFactory.class);
    }

    /** A factory whose client identifier is administratively configured ({@code tck-client}). */
    protected static ConnectionFactory durableFactory() {
        return lookup("DurableConnectionFactory", ConnectionFactory.class);
    }

    protected static QueueConnectionFactory queueFactory() {
        return lookup("QueueConnectionFactory", QueueConnectionFactory.class);
    }

    protected static TopicConnectionFactory topicFactory() {
        return lookup("TopicConnectionFactory", TopicConnectionFactory.class);
    }

    /** A name unique in this run, readable in broker listings: {@code tck.<class>.<method>.<n>}. */
    protected String uniqueName() {
        return "tck." + testName + "." + SEQUENCE.incrementAndGet();
    }

    /** A queue no other test uses. */
    protected Queue queue() {
        return lookup("dynamicQueues/" + uniqueName(), Queue.class);
    }

    /** A topic no other test uses. */
    protected Topic topic() {
        return lookup("dynamicTopics/" + uniqueName(), Topic.class);
    }

    protected static Queue adminQueue() {
        return lookup("tckQueue", Queue.class);
    }

    protected static Topic adminTopic() {
        return lookup("tckTopic", Topic.class);
    }

    // ---------------------------------------------------------------- resources

    protected <T extends AutoCloseable> T closeLater(T resource) {
        resources.push(resource);
        return resource;
    }

    /** A new, stopped connection from {@code ConnectionFactory}, closed after the test. */
    protected Connection connection() throws JMSException {
        return closeLater(factory().createConnection());
    }

    /** A new, started connection from {@code ConnectionFactory}, closed after the test. */
    protected Connection startedConnection() throws JMSException {
        Connection connection = connection();
        connection.start();
        return connection;
    }

    /** A new started connection whose client identifier is set, right after creation, to a unique value. */
    protected Connection connectionWithClientId() throws JMSException {
        Connection connection = connection();
        connection.setClientID(uniqueName());
        connection.start();
        return connection;
    }

    protected JMSContext context() {
        return closeLater(factory().createContext());
    }

    protected JMSContext context(int sessionMode) {
        return closeLater(factory().createContext(sessionMode));
    }

    // ---------------------------------------------------------------- messaging helpers

    protected static TextMessage sendText(Session session, Destination destination, String text) throws JMSException {
        TextMessage message = session.createTextMessage(text);
        try (MessageProducer producer = session.createProducer(destination)) {
            producer.send(message);
        }
        return message;
    }

    /** Sends the texts in order from one producer of a separate, auto-acknowledged session of {@code connection}. */
    protected static void sendTexts(Connection connection, Destination destination, String... texts) throws JMSException {
        try (Session session = connection.createSession(); MessageProducer producer = session.createProducer(destination)) {
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** Receives a message that must arrive within {@link #RECEIVE_TIMEOUT}. */
    protected static Message receive(MessageConsumer consumer) throws JMSException {
        Message message = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(message).as("a message within %d ms", RECEIVE_TIMEOUT).isNotNull();
        return message;
    }

    protected static Message receive(JMSConsumer consumer) {
        Message message = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(message).as("a message within %d ms", RECEIVE_TIMEOUT).isNotNull();
        return message;
    }

    protected static String receiveText(MessageConsumer consumer) throws JMSException {
        Message message = receive(consumer);
        assertThat(message).isInstanceOf(TextMessage.class);
        return ((TextMessage) message).getText();
    }

    protected static void assertNoMessage(MessageConsumer consumer) throws JMSException {
        assertThat(consumer.receive(ABSENCE_TIMEOUT)).as("no message").isNull();
    }

    protected static void assertNoMessage(JMSConsumer consumer) {
        assertThat(consumer.receive(ABSENCE_TIMEOUT)).as("no message").isNull();
    }

    /** The elements of an enumeration returned by the (raw-typed) JMS API, such as getPropertyNames or getEnumeration. */
    protected static List<Object> elements(Enumeration<?> enumeration) {
        List<Object> elements = new ArrayList<>();
        while (enumeration.hasMoreElements()) {
            elements.add(enumeration.nextElement());
        }
        return elements;
    }

    /** Runs {@code action} in a new daemon thread; the returned thread has been started. */
    protected static Thread inThread(String name, ThrowingRunnable action) {
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
