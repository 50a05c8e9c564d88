package io.warren.tck.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The simplified API: {@code JMSContext}, {@code JMSProducer} and {@code JMSConsumer} (sections 2.8, 6.1, 7, 8). */
@DisplayName("Simplified API: JMSContext, JMSProducer, JMSConsumer")
class JMSContextTest extends TckSupport {

    // ------------------------------------------------------------ creating contexts

    @Test
    @DisplayName("ConnectionFactory.createContext(): the context uses AUTO_ACKNOWLEDGE and is not transacted")
    void defaultContextMode() {
        JMSContext context = context();
        assertThat(context.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(context.getTransacted()).isFalse();
    }

    @ParameterizedTest(name = "ConnectionFactory.createContext(int sessionMode): getSessionMode returns {0}")
    @ValueSource(ints = {JMSContext.SESSION_TRANSACTED, JMSContext.CLIENT_ACKNOWLEDGE, JMSContext.AUTO_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE})
    void contextWithSessionMode(int mode) {
        JMSContext context = context(mode);
        assertThat(context.getSessionMode()).isEqualTo(mode);
        assertThat(context.getTransacted()).isEqualTo(mode == JMSContext.SESSION_TRANSACTED);
    }

    @ParameterizedTest(name = "JMSContext.createContext(int sessionMode): a new context on the same connection with session mode {0}")
    @ValueSource(ints = {JMSContext.SESSION_TRANSACTED, JMSContext.CLIENT_ACKNOWLEDGE, JMSContext.AUTO_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE})
    void childContextWithSessionMode(int mode) {
        JMSContext child = closeLater(context().createContext(mode));
        assertThat(child.getSessionMode()).isEqualTo(mode);
    }

    @Test
    @DisplayName("ConnectionFactory.createContext(int): the permitted session modes are the four constants; any other value fails with JMSRuntimeException")
    void invalidSessionModeThrows() {
        assertThatThrownBy(() -> closeLater(factory().createContext(99))).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    @DisplayName("6.1: a JMSContext is created with createContext(String userName, String password, int sessionMode)")
    void contextWithCredentials() {
        Queue queue = queue();
        JMSContext context = closeLater(factory().createContext("tck-user", "tck-password", JMSContext.CLIENT_ACKNOWLEDGE));
        assertThat(context.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        context.createProducer().send(queue, "credentials");
        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("credentials");
    }

    // ------------------------------------------------------------ starting

    @Test
    @DisplayName("6.1.4: in the case of a JMSContext the connection is started automatically when the first consumer is created")
    void consumerCreationStartsConnection() {
        Queue queue = queue();
        JMSContext context = context();
        assertThat(context.getAutoStart()).isTrue();
        context.createProducer().send(queue, "auto-started");
        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("auto-started");
    }

    @Test
    @DisplayName("6.1.4: applications may disable auto-start by calling setAutoStart(false) and then calling start() explicitly")
    void setAutoStartFalse() {
        Queue queue = queue();
        JMSContext context = context();
        context.setAutoStart(false);
        assertThat(context.getAutoStart()).isFalse();
        context.createProducer().send(queue, "waits for start");
        JMSConsumer consumer = context.createConsumer(queue);
        assertNoMessage(consumer);
        context.start();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("waits for start");
    }

    @Test
    @DisplayName("8.4: JMSContext.stop temporarily suspends delivery; start restarts it")
    void stopAndStart() {
        Queue queue = queue();
        JMSContext context = context();
        JMSConsumer consumer = context.createConsumer(queue);
        context.stop();
        context.createProducer().send(queue, "paused");
        assertNoMessage(consumer);
        context.start();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("paused");
    }

    @Test
    @DisplayName("JMSContext.createContext: this method does not start the connection; a consumer on any context of the connection starts it")
    void childContextSharesConnectionStart() {
        Queue queue = queue();
        JMSContext parent = context();
        JMSContext child = closeLater(parent.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        parent.createProducer().send(queue, "through the shared connection");
        assertThat(child.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("through the shared connection");
    }

    @Test
    @DisplayName("6.1.8: closing a JMSContext closes the connection only if no other active JMSContext uses it")
    void closingParentKeepsConnectionForChild() {
        Queue queue = queue();
        JMSContext parent = context();
        JMSContext child = closeLater(parent.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        parent.close();
        child.createProducer().send(queue, "connection still open");
        assertThat(child.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("connection still open");
    }

    // ------------------------------------------------------------ client identifier

    @Test
    @DisplayName("JMSContext.setClientID: a client may set the client identifier immediately after creating the JMSContext")
    void setClientIdImmediately() {
        JMSContext context = context();
        String id = uniqueName();
        context.setClientID(id);
        assertThat(context.getClientID()).isEqualTo(id);
    }

    @Test
    @DisplayName("JMSContext.setClientID: after another action on the JMSContext, setting the client identifier should throw IllegalStateRuntimeException")
    void setClientIdAfterUseThrows() {
        JMSContext context = context();
        context.createConsumer(queue());
        assertThatThrownBy(() -> context.setClientID(uniqueName())).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("JMSContext.setClientID: if an administratively configured identifier exists, changing it must throw IllegalStateRuntimeException")
    void setClientIdWhenConfiguredThrows() {
        JMSContext context = closeLater(durableFactory().createContext());
        assertThat(context.getClientID()).isEqualTo("tck-client");
        assertThatThrownBy(() -> context.setClientID("other")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("JMSContext.setClientID: InvalidClientIDRuntimeException if the client specifies a duplicate client ID")
    void duplicateClientIdThrows() {
        String id = uniqueName();
        JMSContext first = context();
        first.setClientID(id);
        first.start();
        JMSContext second = context();
        assertThatThrownBy(() -> second.setClientID(id)).isInstanceOf(InvalidClientIDRuntimeException.class);
    }

    // ------------------------------------------------------------ closing

    static Stream<Arguments> contextOperations() {
        return Stream.of(
                Arguments.of("createProducer()", (ContextCall) (c, q) -> c.createProducer()),
                Arguments.of("createConsumer(..)", (ContextCall) (c, q) -> c.createConsumer(q)),
                Arguments.of("createBrowser(..)", (ContextCall) (c, q) -> c.createBrowser(q)),
                Arguments.of("createMessage()", (ContextCall) (c, q) -> c.createMessage()),
                Arguments.of("createTextMessage(..)", (ContextCall) (c, q) -> c.createTextMessage("x")),
                Arguments.of("createTemporaryQueue()", (ContextCall) (c, q) -> c.createTemporaryQueue()),
                Arguments.of("createContext(..)", (ContextCall) (c, q) -> c.createContext(JMSContext.AUTO_ACKNOWLEDGE)),
                Arguments.of("start()", (ContextCall) (c, q) -> c.start()),
                Arguments.of("stop()", (ContextCall) (c, q) -> c.stop()),
                Arguments.of("recover()", (ContextCall) (c, q) -> c.recover()),
                Arguments.of("acknowledge()", (ContextCall) (c, q) -> c.acknowledge()),
                Arguments.of("getMetaData()", (ContextCall) (c, q) -> c.getMetaData()));
    }

    @ParameterizedTest(name = "6.1.8 / 10.3: once a JMSContext has been closed, {0} must throw IllegalStateRuntimeException")
    @MethodSource("contextOperations")
    void closedContextThrows(String operation, ContextCall call) {
        Queue queue = queue();
        JMSContext context = factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        context.close();
        assertThatThrownBy(() -> call.call(context, queue)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("JMSContext.close: closing a closed connection must NOT throw an exception")
    void closingClosedContextDoesNotThrow() {
        JMSContext context = factory().createContext();
        context.close();
        assertThatCode(context::close).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("JMSContext.close: invoking acknowledge on a received message from a closed connection's session must throw IllegalStateRuntimeException")
    void acknowledgeAfterContextCloseThrows() throws Exception {
        Queue queue = queue();
        JMSContext context = factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        context.createProducer().send(queue, "ack me");
        Message message = receive(context.createConsumer(queue));
        context.close();
        assertThatThrownBy(message::acknowledge).isInstanceOfAny(IllegalStateRuntimeException.class, jakarta.jms.IllegalStateException.class);
    }

    @Test
    @DisplayName("JMSConsumer.close: closing the consumer from another thread releases a blocked receive, which returns null")
    void consumerCloseReleasesReceive() throws Exception {
        JMSContext context = context();
        JMSConsumer consumer = context.createConsumer(queue());
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>("pending");
        Thread receiver = inThread("receiver", () -> outcome.set(consumer.receive()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(RECEIVE_TIMEOUT))
                .until(() -> receiver.getState() == Thread.State.WAITING || receiver.getState() == Thread.State.TIMED_WAITING);
        consumer.close();
        receiver.join(RECEIVE_TIMEOUT);
        assertThat(receiver.isAlive()).isFalse();
        assertThat(outcome.get()).isNull();
    }

    // ------------------------------------------------------------ JMSProducer

    static Stream<Arguments> bodies() {
        HashMap<String, Object> map = new HashMap<>(Map.of("k", "v", "n", 1));
        ArrayList<String> serializable = new ArrayList<>(List.of("s"));
        return Stream.of(
                Arguments.of("String", "text", TextMessage.class, "text"),
                Arguments.of("Map", map, MapMessage.class, map),
                Arguments.of("byte[]", new byte[] {1, 2}, BytesMessage.class, new byte[] {1, 2}),
                Arguments.of("Serializable", serializable, ObjectMessage.class, serializable));
    }

    @ParameterizedTest(name = "7.2: JMSProducer.send(destination, {0} body): the provider creates a message of the appropriate type")
    @MethodSource("bodies")
    @SuppressWarnings("unchecked")
    void sendBodyCreatesMessageType(String kind, Object body, Class<?> type, Object expected) throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        JMSProducer producer = context.createProducer();
        if (body instanceof String s) {
            producer.send(queue, s);
        } else if (body instanceof Map<?, ?> m) {
            producer.send(queue, (Map<String, Object>) m);
        } else if (body instanceof byte[] b) {
            producer.send(queue, b);
        } else {
            producer.send(queue, (Serializable) body);
        }
        Message received = receive(context.createConsumer(queue));
        assertThat(received).isInstanceOf(type);
        assertThat(received.getBody(Object.class)).isEqualTo(expected);
    }

    @Test
    @DisplayName("JMSProducer.send(destination, (String) null): a TextMessage with no body will be sent")
    void sendNullStringBody() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().send(queue, (String) null);
        Message received = receive(context.createConsumer(queue));
        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isNull();
    }

    @Test
    @DisplayName("JMSProducer.send: InvalidDestinationRuntimeException if a client uses this method with an invalid (null) destination")
    void sendToNullDestinationThrows() {
        JMSProducer producer = context().createProducer();
        assertThatThrownBy(() -> producer.send(null, "x")).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    @DisplayName("JMSProducer.send(destination, Message): MessageFormatRuntimeException if an invalid (null) message is specified")
    void sendNullMessageThrows() {
        Queue queue = queue();
        JMSProducer producer = context().createProducer();
        assertThatThrownBy(() -> producer.send(queue, (Message) null)).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @DisplayName("7.10: the setter methods on JMSProducer all return the JMSProducer object, allowing calls to be chained")
    void settersReturnSameProducer() {
        JMSProducer producer = context().createProducer();
        assertThat(producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT)).isSameAs(producer);
        assertThat(producer.setPriority(3)).isSameAs(producer);
        assertThat(producer.setTimeToLive(1000)).isSameAs(producer);
        assertThat(producer.setDeliveryDelay(0)).isSameAs(producer);
        assertThat(producer.setDisableMessageID(true)).isSameAs(producer);
        assertThat(producer.setDisableMessageTimestamp(true)).isSameAs(producer);
        assertThat(producer.setProperty("p", 1)).isSameAs(producer);
        assertThat(producer.setJMSCorrelationID("c")).isSameAs(producer);
        assertThat(producer.setJMSType("t")).isSameAs(producer);
        assertThat(producer.setJMSReplyTo(null)).isSameAs(producer);
        assertThat(producer.clearProperties()).isSameAs(producer);
    }

    @Test
    @DisplayName("7.4: the JMSProducer's delivery mode, priority and time-to-live apply to the messages it sends")
    void producerOptionsApply() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(8).setTimeToLive(60_000)
                .send(queue, "options");
        Message received = receive(context.createConsumer(queue));
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSPriority()).isEqualTo(8);
        assertThat(received.getJMSExpiration()).isGreaterThan(System.currentTimeMillis());
    }

    @ParameterizedTest(name = "JMSProducer.setPriority({0}): the priority must be a value between 0 and 9 (JMSRuntimeException otherwise)")
    @ValueSource(ints = {-1, 10})
    void invalidPriorityThrows(int priority) {
        JMSProducer producer = context().createProducer();
        assertThatThrownBy(() -> producer.setPriority(priority)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    @DisplayName("JMSProducer.setDeliveryMode: legal values are NON_PERSISTENT and PERSISTENT (JMSRuntimeException otherwise)")
    void invalidDeliveryModeThrows() {
        JMSProducer producer = context().createProducer();
        assertThatThrownBy(() -> producer.setDeliveryMode(99)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    @DisplayName("7.6: message headers set on the JMSProducer (JMSCorrelationID, JMSType, JMSReplyTo) are applied to the message sent")
    void producerHeadersApply() throws Exception {
        Queue queue = queue();
        Queue replyTo = queue();
        JMSContext context = context();
        context.createProducer().setJMSCorrelationID("corr").setJMSType("kind").setJMSReplyTo(replyTo).send(queue, "headers");
        Message received = receive(context.createConsumer(queue));
        assertThat(received.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(received.getJMSType()).isEqualTo("kind");
        assertThat(received.getJMSReplyTo()).isEqualTo(replyTo);
    }

    @Test
    @DisplayName("7.5: message properties set on the JMSProducer override any values set directly on the message")
    void producerPropertiesOverrideMessageProperties() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        TextMessage message = context.createTextMessage("override");
        message.setStringProperty("who", "message");
        message.setStringProperty("kept", "yes");
        context.createProducer().setProperty("who", "producer").send(queue, message);
        Message received = receive(context.createConsumer(queue));
        assertThat(received.getStringProperty("who")).isEqualTo("producer");
        assertThat(received.getStringProperty("kept")).isEqualTo("yes");
    }

    @Test
    @DisplayName("7.6: message headers set on the JMSProducer override any values set directly on the message")
    void producerHeadersOverrideMessageHeaders() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        TextMessage message = context.createTextMessage("override");
        message.setJMSType("from message");
        context.createProducer().setJMSType("from producer").send(queue, message);
        assertThat(receive(context.createConsumer(queue)).getJMSType()).isEqualTo("from producer");
    }

    @Test
    @DisplayName("JMSProducer.send: MessageNotWriteableRuntimeException if the producer sets a message property but the message's properties are read-only")
    void producerPropertyOnReadOnlyMessageThrows() {
        Queue queue = queue();
        Queue other = queue();
        JMSContext context = context();
        context.createProducer().send(queue, "received");
        Message received = receive(context.createConsumer(queue));
        JMSProducer producer = context.createProducer().setProperty("added", "value");
        assertThatThrownBy(() -> producer.send(other, received)).isInstanceOf(MessageNotWriteableRuntimeException.class);
    }

    @Test
    @DisplayName("JMSProducer: properties set with setProperty are readable with the getters and support the property conversion table")
    void producerPropertyGettersAndConversions() {
        JMSProducer producer = context().createProducer();
        producer.setProperty("i", 42).setProperty("s", "7").setProperty("b", true);
        assertThat(producer.getIntProperty("i")).isEqualTo(42);
        assertThat(producer.getLongProperty("i")).isEqualTo(42L);
        assertThat(producer.getStringProperty("i")).isEqualTo("42");
        assertThat(producer.getIntProperty("s")).isEqualTo(7);
        assertThat(producer.getBooleanProperty("b")).isTrue();
        assertThat(producer.getObjectProperty("i")).isEqualTo(42);
        assertThat(producer.propertyExists("i")).isTrue();
        assertThat(producer.propertyExists("absent")).isFalse();
    }

    @Test
    @DisplayName("JMSProducer.getIntProperty: MessageFormatRuntimeException if this type conversion is invalid")
    void producerInvalidConversionThrows() {
        JMSProducer producer = context().createProducer().setProperty("b", true);
        assertThatThrownBy(() -> producer.getIntProperty("b")).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @DisplayName("JMSProducer.setProperty(String, Object): MessageFormatRuntimeException if the object is invalid")
    void producerInvalidObjectPropertyThrows() {
        JMSProducer producer = context().createProducer();
        assertThatThrownBy(() -> producer.setProperty("o", new Object())).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @DisplayName("JMSProducer.setProperty: IllegalArgumentException if the name is null or if the name is an empty string")
    void producerNullPropertyNameThrows() {
        JMSProducer producer = context().createProducer();
        assertThatThrownBy(() -> producer.setProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("JMSProducer.getPropertyNames: returns an unmodifiable Set view of the property names (modification throws UnsupportedOperationException)")
    void producerPropertyNamesAreUnmodifiable() {
        JMSProducer producer = context().createProducer().setProperty("a", 1).setProperty("b", "2");
        Set<String> names = producer.getPropertyNames();
        assertThat(names).containsExactlyInAnyOrder("a", "b");
        assertThatThrownBy(() -> names.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("JMSProducer.clearProperties: clears any message properties set on this JMSProducer")
    void producerClearProperties() {
        JMSProducer producer = context().createProducer().setProperty("a", 1);
        producer.clearProperties();
        assertThat(producer.getPropertyNames()).isEmpty();
        assertThat(producer.propertyExists("a")).isFalse();
    }

    @Test
    @DisplayName("7.5: with the body-only send methods, properties set on the JMSProducer are set on the message")
    void producerPropertiesOnBodySend() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().setProperty("color", "blue").setProperty("size", 3).send(queue, "body only");
        Message received = receive(context.createConsumer(queue));
        assertThat(received.getStringProperty("color")).isEqualTo("blue");
        assertThat(received.getIntProperty("size")).isEqualTo(3);
    }

    @Test
    @DisplayName("JMSProducer: delivery mode PERSISTENT, priority 4, time to live 0 and delivery delay 0 by default; IDs and timestamps enabled")
    void producerDefaults() {
        JMSProducer producer = context().createProducer();
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(4);
        assertThat(producer.getTimeToLive()).isZero();
        assertThat(producer.getDeliveryDelay()).isZero();
        assertThat(producer.getDisableMessageID()).isFalse();
        assertThat(producer.getDisableMessageTimestamp()).isFalse();
        assertThat(producer.getAsync()).isNull();
    }

    @Test
    @DisplayName("8.4: the start method is called automatically when createDurableConsumer is called on the JMSContext")
    void durableConsumerCreationStartsConnection() {
        Topic topic = topic();
        JMSContext context = context();
        context.setClientID(uniqueName());
        JMSConsumer consumer = context.createDurableConsumer(topic, "autostart");
        closeLater(context.createContext(JMSContext.AUTO_ACKNOWLEDGE)).createProducer().send(topic, "started");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("started");
        consumer.close();
        context.unsubscribe("autostart");
    }

    @Test
    @DisplayName("8.6: receiveBody(Serializable subtype) returns the body of an ObjectMessage as an object of that type")
    void receiveBodyOfObjectMessage() {
        Queue queue = queue();
        JMSContext context = context();
        io.warren.tck.support.Order order = new io.warren.tck.support.Order("o-2", List.of("fig"), java.math.BigDecimal.ONE);
        context.createProducer().send(queue, order);
        assertThat(context.createConsumer(queue).receiveBody(io.warren.tck.support.Order.class, RECEIVE_TIMEOUT)).isEqualTo(order);
    }

    // ------------------------------------------------------------ JMSConsumer

    @Test
    @DisplayName("8.6: receiveBody(Class, timeout) receives the next message and returns its body as an object of the specified type")
    void receiveBodyReturnsBody() {
        Queue queue = queue();
        JMSContext context = context();
        Map<String, Object> map = Map.of("x", 1);
        context.createProducer().send(queue, map).send(queue, new byte[] {7});
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat((Object) consumer.receiveBody(Map.class, RECEIVE_TIMEOUT)).isEqualTo(map);
        assertThat(consumer.receiveBody(byte[].class, RECEIVE_TIMEOUT)).containsExactly(7);
    }

    @Test
    @DisplayName("8.6: receiveBodyNoWait returns null if no message is immediately available")
    void receiveBodyNoWaitNull() {
        assertThat(context().createConsumer(queue()).receiveBodyNoWait(String.class)).isNull();
    }

    @Test
    @DisplayName("8.6: if the body cannot be assigned to the specified type, MessageFormatRuntimeException is thrown; in AUTO_ACKNOWLEDGE the message is delivered again, not as a redelivery")
    void receiveBodyWrongTypeKeepsMessage() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().send(queue, "a string");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT)).isInstanceOf(MessageFormatRuntimeException.class);
        Message again = receive(consumer);
        assertThat(again.getBody(String.class)).isEqualTo("a string");
        assertThat(again.getJMSRedelivered()).isFalse();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    @DisplayName("8.6: receiveBody may not be used for a StreamMessage: MessageFormatRuntimeException")
    void receiveBodyOfStreamMessageThrows() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        StreamMessage stream = context.createStreamMessage();
        stream.writeInt(1);
        context.createProducer().send(queue, stream);
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Object.class, RECEIVE_TIMEOUT)).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @DisplayName("8.6: receiveBody of a message without a body (a plain Message) throws MessageFormatRuntimeException")
    void receiveBodyOfPlainMessageThrows() {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().send(queue, context.createMessage());
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @DisplayName("8.6: receiveBody in CLIENT_ACKNOWLEDGE: after MessageFormatRuntimeException the message is not delivered again until recover")
    void receiveBodyWrongTypeClientAcknowledge() throws Exception {
        Queue queue = queue();
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        context.createProducer().send(queue, "client ack");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT)).isInstanceOf(MessageFormatRuntimeException.class);
        assertNoMessage(consumer);
        context.recover();
        Message again = receive(consumer);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    @DisplayName("8.6: receiveBody in a transacted session: after MessageFormatRuntimeException the message is redelivered only if the transaction is rolled back")
    void receiveBodyWrongTypeTransacted() throws Exception {
        Queue queue = queue();
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);
        context.createProducer().send(queue, "transacted");
        context.commit();
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT)).isInstanceOf(MessageFormatRuntimeException.class);
        assertNoMessage(consumer);
        context.rollback();
        Message again = receive(consumer);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        context.commit();
    }

    @Test
    @DisplayName("JMSConsumer.setMessageListener: messages are delivered asynchronously to the listener")
    void jmsConsumerListener() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        CountDownLatch delivered = new CountDownLatch(1);
        JMSConsumer consumer = context.createConsumer(queue);
        consumer.setMessageListener(m -> delivered.countDown());
        assertThat(consumer.getMessageListener()).isNotNull();
        closeLater(context.createContext(JMSContext.AUTO_ACKNOWLEDGE)).createProducer().send(queue, "async");
        assertThat(delivered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    @DisplayName("JMSContext.createConsumer: InvalidDestinationRuntimeException if an invalid (null) destination is specified")
    void createConsumerOnNullThrows() {
        JMSContext context = context();
        assertThatThrownBy(() -> context.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    @DisplayName("JMSContext.createQueue / createTopic: create destination objects from provider-specific names")
    void createDestinations() {
        JMSContext context = context();
        String name = uniqueName();
        try {
            assertThat(context.createQueue(name).getQueueName()).isEqualTo(name);
            assertThat(context.createTopic(name).getTopicName()).isEqualTo(name);
        } catch (jakarta.jms.JMSException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------ acknowledgement, listeners and threading

    @Test
    @DisplayName("JMSContext.acknowledge: if the session has AUTO_ACKNOWLEDGE, calling this method has no effect")
    void acknowledgeHasNoEffectInAutoMode() {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().send(queue, "auto");
        receive(context.createConsumer(queue));
        assertThatCode(context::acknowledge).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("JMSContext.acknowledge: if the session is transacted, calling this method has no effect (rollback still redelivers)")
    void acknowledgeHasNoEffectWhenTransacted() throws Exception {
        Queue queue = queue();
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);
        context.createProducer().send(queue, "tx");
        context.commit();
        JMSConsumer consumer = context.createConsumer(queue);
        receive(consumer);
        context.acknowledge();
        context.rollback();
        assertThat(receive(consumer).getJMSRedelivered()).isTrue();
        context.commit();
    }

    @Test
    @DisplayName("6.2.6: the provider must ensure a second message listener may be safely configured even if the connection has been started")
    void secondListenerAfterAutoStart() throws Exception {
        Queue first = queue();
        Queue second = queue();
        JMSContext context = context();
        CountDownLatch both = new CountDownLatch(2);
        context.createConsumer(first).setMessageListener(m -> both.countDown());
        context.createConsumer(second).setMessageListener(m -> both.countDown());
        JMSContext sender = closeLater(context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        sender.createProducer().send(first, "1").send(second, "2");
        assertThat(both.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    @DisplayName("6.2.6: createContext does not use the underlying session, so it may be called while the context is dedicated to a listener thread")
    void createContextWhileListenerActive() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        CountDownLatch delivered = new CountDownLatch(1);
        context.createConsumer(queue).setMessageListener(m -> delivered.countDown());
        JMSContext other = closeLater(context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        other.createProducer().send(queue, "from the second context");
        assertThat(delivered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    @DisplayName("JMSContext.close: called from a listener on its own context it either throws IllegalStateRuntimeException or closes; onMessage completes")
    void closeFromOwnListener() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        CountDownLatch completed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        context.createConsumer(queue).setMessageListener(m -> {
            try {
                context.close();
            } catch (Throwable e) {
                thrown.set(e);
            }
            completed.countDown();
        });
        JMSContext sender = closeLater(factory().createContext());
        sender.createProducer().send(queue, "close from inside");
        assertThat(completed.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        if (thrown.get() != null) {
            assertThat(thrown.get()).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.1.7: JMSContext.getExceptionListener returns the listener set with setExceptionListener (null by default)")
    void contextExceptionListener() {
        JMSContext context = context();
        assertThat(context.getExceptionListener()).isNull();
        jakarta.jms.ExceptionListener listener = e -> { };
        context.setExceptionListener(listener);
        assertThat(context.getExceptionListener()).isSameAs(listener);
    }

    @Test
    @DisplayName("JMSContext.unsubscribe: InvalidDestinationRuntimeException if an invalid subscription name is specified")
    void unsubscribeUnknownThrows() {
        JMSContext context = context();
        context.setClientID(uniqueName());
        assertThatThrownBy(() -> context.unsubscribe("no-such-subscription")).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    @DisplayName("JMSConsumer.getMessageSelector: returns the message selector of the consumer")
    void jmsConsumerSelector() {
        assertThat(context().createConsumer(queue(), "a = 1").getMessageSelector()).isEqualTo("a = 1");
    }

    @FunctionalInterface
    interface ContextCall {
        void call(JMSContext context, Queue queue) throws Exception;
    }
}
