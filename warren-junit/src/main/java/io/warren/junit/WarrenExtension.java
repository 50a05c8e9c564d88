package io.warren.junit;

import io.warren.broker.Broker;
import io.warren.broker.queue.QueueStatistics;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.WarrenXAConnectionFactory;
import io.warren.jms.client.JmsExceptions;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * An in-JVM Warren broker for JUnit 5 tests, reached at {@link #url()} ({@code vm://NAME}), with helpers to
 * send, receive, browse, count and purge messages. Register it with {@code @RegisterExtension}:
 * <ul>
 *   <li>on a <b>static</b> field, one broker serves the whole test class: started before {@code @BeforeAll}
 *       methods, stopped after {@code @AfterAll} methods (nested classes share it);</li>
 *   <li>on an <b>instance</b> field, each test gets a broker of its own: started before {@code @BeforeEach}
 *       methods, stopped after {@code @AfterEach} methods.</li>
 * </ul>
 *
 * <pre>{@code
 * @RegisterExtension
 * static final WarrenExtension warren = WarrenExtension.builder().queue("orders").build();
 *
 * @Test
 * void ordersAreShipped(ConnectionFactory factory) {
 *     new OrderService(factory).place("order 42");
 *     assertThat(warren.receiveText("shipments", Duration.ofSeconds(5))).isEqualTo("shipped 42");
 *     assertThat(warren.queueDepth("orders")).isZero();
 * }
 * }</pre>
 *
 * Test methods, constructors and lifecycle methods may declare {@link ConnectionFactory},
 * {@link WarrenConnectionFactory} or {@link Broker} parameters, which it fills (with two extensions in one class
 * JUnit cannot tell which is meant: use the fields then).
 *
 * <p>At the end ({@link #close()}) the connections its helpers opened are closed, the broker is stopped with
 * {@link io.warren.jms.transport.vm.VmBrokers#stop(String)} (connections the test left open stop working), and a
 * temporary data directory is deleted. Outside JUnit, call {@link #start()} and {@link #close()}.
 *
 * <p>Helpers run on the caller's thread, each on a session of its own, so tests may call them from several
 * threads; they throw {@link jakarta.jms.JMSRuntimeException}s. Broker helpers ({@link #broker()},
 * {@link #queueDepth}, {@link #purge}) fail with {@link IllegalStateException} while the broker is not running;
 * {@link #url()} and the factories work at any time (connecting before the start starts the broker without the
 * extension, which then refuses to start: connect inside tests).
 */
public final class WarrenExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, AutoCloseable {
    private final String url;
    private final List<String> queues;
    private final EmbeddedBroker embedded;
    private final HelperClient client;
    /** Test classes (a class and its nested ones) running under this static extension; guarded by this. */
    private int classScopes;
    /** Whether this extension started the broker and has not stopped it; guarded by this. */
    private boolean running;
    /**
     * Whether the broker's name is this extension's, from its first start until {@link #close()}: a broker a
     * client restarts under it after a {@link #stop()} is stopped at the end too; guarded by this.
     */
    private boolean claimed;

    WarrenExtension(String url, List<String> queues, EmbeddedBroker embedded) {
        this.url = url;
        this.queues = List.copyOf(queues);
        this.embedded = embedded;
        this.client = new HelperClient(url);
    }

    /** A builder of an extension; {@code builder().build()} is an in-memory broker with a unique name. */
    public static WarrenExtensionBuilder builder() {
        return new WarrenExtensionBuilder();
    }

    // JUnit's callbacks: a static field gets beforeAll and beforeEach, an instance field only beforeEach.

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classScopes == 0) {
            start();
        }
        classScopes++;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (classScopes > 0) {
            classScopes--;
        }
        if (classScopes == 0) {
            close();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (classScopes == 0) {
            start();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (classScopes == 0) {
            close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ConnectionFactory.class || type == WarrenConnectionFactory.class || type == Broker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Broker.class ? broker() : connectionFactory();
    }

    /**
     * Starts the broker (creating a temporary data directory if it needs one) and declares the builder's queues;
     * nothing if it is running. From the first start until {@link #close()} the name is this extension's.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when another broker of this JVM
     *     runs under the name, or the broker cannot start; the message says which
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        embedded.start(!claimed);
        claimed = true;
        running = true;
        queues.forEach(client::declareQueue);
    }

    /**
     * Closes the helpers' connection and stops the broker: the test's connections to it stop working (a
     * {@code vm://} client that connects again starts it again, as after a crash). Durable state stays in the
     * data directory for {@link #start()}. Nothing if it is not running.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            client.close();
        } finally {
            embedded.stop();
        }
    }

    /**
     * Stops the broker under its connections, which stop working, and starts it again with the same name and
     * data directory: a persistent broker comes back with its durable queues and persistent messages.
     *
     * @throws IllegalStateException when this extension is not running
     */
    public synchronized void restart() {
        if (!running) {
            throw new IllegalStateException("broker '" + name() + "' of this WarrenExtension is not running, so"
                    + " it cannot restart: call restart() inside a test, or start() after a stop()");
        }
        client.close();
        embedded.restart();
        queues.forEach(client::declareQueue);
    }

    /**
     * Stops the broker, also one a client started again under its name after {@link #stop()}, and deletes the
     * temporary data directory; what JUnit calls at the end of the class or test. A data directory given to the
     * builder keeps its state.
     */
    @Override
    public synchronized void close() {
        try {
            stop();
            if (claimed) {
                embedded.stop();
            }
        } finally {
            claimed = false;
            embedded.deleteTemporaryDirectory();
        }
    }

    /** Whether this extension's broker is running. */
    public synchronized boolean isRunning() {
        return running && embedded.isRunning();
    }

    /** The broker's name, the NAME of {@code vm://NAME}. */
    public String name() {
        return embedded.name();
    }

    /** The URL that reaches the broker, with the builder's options: give it to code that takes a URL. */
    public String url() {
        return url;
    }

    /** A new factory of connections to the broker: a new one each call, so one's setters leave others alone. */
    public WarrenConnectionFactory connectionFactory() {
        return new WarrenConnectionFactory(url);
    }

    /** A new factory of XA (and plain) connections to the broker. */
    public WarrenXAConnectionFactory xaConnectionFactory() {
        return new WarrenXAConnectionFactory(url);
    }

    /** The running engine broker: declare exchanges, look at queues and connections. */
    public Broker broker() {
        return embedded.broker();
    }

    /** Where the broker journals: the builder's directory or the temporary one; null for a broker in memory. */
    public Path dataDirectory() {
        return embedded.dataDirectory();
    }

    /**
     * The messages the queue holds: ready for a consumer (delayed ones included) plus delivered and not yet
     * acknowledged ({@link QueueStatistics#messages()}); 0 when there is no such queue. Exact at once: no need to
     * wait before asserting that nothing arrived.
     */
    public long queueDepth(String queue) {
        return embedded.virtualHost().queue(queue).map(q -> q.statistics().messages()).orElse(0L);
    }

    /** Declares a JMS queue as the provider does when it is first used: durable, with ten priority levels. */
    public void declareQueue(String queue) {
        client.declareQueue(queue);
    }

    /** Removes the queue's ready messages (not those delivered and unacknowledged); returns how many. */
    public int purge(String queue) {
        return embedded.virtualHost().hasQueue(queue) ? embedded.virtualHost().queuePurge(null, queue) : 0;
    }

    /** Sends a text message to a queue (created if needed); returns it, with its message ID. */
    public Message send(String queue, String text) {
        return send(queue, text, Map.of());
    }

    /** Sends a text message with these JMS properties (String, boxed primitives) to a queue; returns it. */
    public Message send(String queue, String text, Map<String, ?> properties) {
        return client.sendToQueue(queue, properties, ctx -> ctx.createTextMessage(text));
    }

    /** Sends the message {@code creator} makes to a queue; returns it. */
    public Message send(String queue, MessageCreator creator) {
        return client.sendToQueue(queue, Map.of(), creator);
    }

    /** Publishes a text message to a topic ({@code news.eu}, or {@code exchange:NAME/KEY}); returns it. */
    public Message publish(String topic, String text) {
        return client.publish(topic, Map.of(), ctx -> ctx.createTextMessage(text));
    }

    /** Publishes the message {@code creator} makes to a topic; returns it. */
    public Message publish(String topic, MessageCreator creator) {
        return client.publish(topic, Map.of(), creator);
    }

    /**
     * Receives and acknowledges the queue's next message, waiting up to {@code timeout} for it
     * ({@link Duration#ZERO}: only one there now); null when none came.
     */
    public Message receive(String queue, Duration timeout) {
        return client.receive(queue, timeout);
    }

    /**
     * The body of the queue's next message, received as {@link #receive} does; null when none came (or it has
     * no body).
     *
     * @throws jakarta.jms.MessageFormatRuntimeException when the message is not a text message (it is consumed)
     */
    public String receiveText(String queue, Duration timeout) {
        return text(receive(queue, timeout));
    }

    /** Receives and acknowledges every message the queue has for a consumer now, in delivery order. */
    public List<Message> drain(String queue) {
        return client.drain(queue);
    }

    /** The bodies of every text message the queue has now, received as {@link #drain} does. */
    public List<String> drainText(String queue) {
        List<String> texts = new ArrayList<>();
        for (Message m : drain(queue)) {
            texts.add(text(m));
        }
        return texts;
    }

    /** The queue's messages in order, left on the queue (a {@link jakarta.jms.QueueBrowser}'s snapshot). */
    public List<Message> browse(String queue) {
        return client.browse(queue);
    }

    private static String text(Message m) {
        try {
            return m == null ? null : m.getBody(String.class);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public String toString() {
        return "WarrenExtension[" + url + "]";
    }
}
