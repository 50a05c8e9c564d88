package io.warren.tck.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Specification section 3.4 "Message header fields". */
@DisplayName("3.4 Message header fields")
class HeaderFieldsTest extends TckSupport {

    private Queue queue;
    private Session session;
    private MessageProducer producer;
    private MessageConsumer consumer;

    @BeforeEach
    void open() throws Exception {
        queue = queue();
        Connection connection = startedConnection();
        session = connection.createSession();
        producer = session.createProducer(queue);
        consumer = session.createConsumer(queue);
    }

    // ------------------------------------------------------------ 3.4.1 JMSDestination

    @Test
    @DisplayName("3.4.1: after completion of the send, JMSDestination holds the Destination object specified by the sending method")
    void destinationSetBySend() throws Exception {
        Message message = session.createTextMessage("d");
        producer.send(message);
        assertThat(message.getJMSDestination()).isEqualTo(queue);
    }

    @Test
    @DisplayName("3.4.1: when a message is received, its destination value must be equivalent to the value assigned when it was sent")
    void receivedDestinationEqualsSent() throws Exception {
        producer.send(session.createTextMessage("d"));
        assertThat(receive(consumer).getJMSDestination()).isEqualTo(queue);
    }

    @Test
    @DisplayName("3.4.1: a message received from a topic subscription carries the Topic it was sent to as JMSDestination")
    void receivedTopicDestination() throws Exception {
        jakarta.jms.Topic topic = topic();
        MessageConsumer subscriber = session.createConsumer(topic);
        session.createProducer(topic).send(session.createTextMessage("t"));
        assertThat(receive(subscriber).getJMSDestination()).isEqualTo(topic);
    }

    // ------------------------------------------------------------ 3.4.2 JMSDeliveryMode

    @Test
    @DisplayName("3.4.2: after completion of the send, JMSDeliveryMode holds the delivery mode specified by the sending method")
    void deliveryModeSetBySend() throws Exception {
        Message message = session.createTextMessage("m");
        producer.send(message, DeliveryMode.NON_PERSISTENT, 4, 0);
        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
    }

    @Test
    @DisplayName("3.4.2 / 7.7: a NON_PERSISTENT message is received with JMSDeliveryMode NON_PERSISTENT")
    void nonPersistentModeReceived() throws Exception {
        producer.send(session.createTextMessage("m"), DeliveryMode.NON_PERSISTENT, 4, 0);
        assertThat(receive(consumer).getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
    }

    @Test
    @DisplayName("3.4.2 / 7.7: a PERSISTENT message is received with JMSDeliveryMode PERSISTENT")
    void persistentModeReceived() throws Exception {
        producer.send(session.createTextMessage("m"), DeliveryMode.PERSISTENT, 4, 0);
        assertThat(receive(consumer).getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }

    // ------------------------------------------------------------ 3.4.3 JMSMessageID

    @Test
    @DisplayName("3.4.3: all JMSMessageID values must start with the prefix 'ID:' (set when the send method returns)")
    void messageIdHasIdPrefix() throws Exception {
        Message message = session.createTextMessage("id");
        producer.send(message);
        assertThat(message.getJMSMessageID()).startsWith("ID:");
    }

    @Test
    @DisplayName("3.4.3: the received message carries the JMSMessageID assigned by the send")
    void receivedMessageIdEqualsSent() throws Exception {
        Message message = session.createTextMessage("id");
        producer.send(message);
        assertThat(receive(consumer).getJMSMessageID()).isEqualTo(message.getJMSMessageID());
    }

    @Test
    @DisplayName("3.4.3: JMSMessageID uniquely identifies each message sent by a provider")
    void messageIdsAreUnique() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Message message = session.createMessage();
            producer.send(message);
            ids.add(message.getJMSMessageID());
        }
        assertThat(ids).hasSize(200);
    }

    // ------------------------------------------------------------ 3.4.4 JMSTimestamp

    @Test
    @DisplayName("3.4.4: when the send method returns, JMSTimestamp contains a time value between the call and the return")
    void timestampWithinSendInterval() throws Exception {
        Message message = session.createTextMessage("t");
        long before = System.currentTimeMillis();
        producer.send(message);
        long after = System.currentTimeMillis();
        assertThat(message.getJMSTimestamp()).isBetween(before, after);
    }

    @Test
    @DisplayName("3.4.4: the received message carries the JMSTimestamp set by the send")
    void receivedTimestampEqualsSent() throws Exception {
        Message message = session.createTextMessage("t");
        producer.send(message);
        assertThat(receive(consumer).getJMSTimestamp()).isEqualTo(message.getJMSTimestamp());
    }

    // ------------------------------------------------------------ 3.4.5 - 3.4.8 client-set headers

    @Test
    @DisplayName("3.4.5: JMSCorrelationID set by the client is received unchanged")
    void correlationIdRoundTrip() throws Exception {
        Message message = session.createTextMessage("c");
        message.setJMSCorrelationID("order-4711");
        producer.send(message);
        assertThat(receive(consumer).getJMSCorrelationID()).isEqualTo("order-4711");
    }

    @Test
    @DisplayName("3.4.5: JMSCorrelationID links a response to its request by the request's message ID")
    void correlationIdLinksReplyToRequest() throws Exception {
        Message request = session.createTextMessage("request");
        producer.send(request);
        Message received = receive(consumer);
        Message reply = session.createTextMessage("reply");
        reply.setJMSCorrelationID(received.getJMSMessageID());
        producer.send(reply);
        assertThat(receive(consumer).getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
    }

    @Test
    @DisplayName("3.4.5: a byte[] JMSCorrelationID is optional: setJMSCorrelationIDAsBytes either round-trips or throws UnsupportedOperationException")
    void correlationIdAsBytes() throws Exception {
        Message message = session.createTextMessage("c");
        try {
            message.setJMSCorrelationIDAsBytes(new byte[] {1, 2, 3});
        } catch (UnsupportedOperationException notSupported) {
            return;
        }
        producer.send(message);
        assertThat(receive(consumer).getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("3.4.6: JMSReplyTo contains a Destination supplied by a client when a message is sent")
    void replyToRoundTrip() throws Exception {
        Queue replies = queue();
        Message message = session.createTextMessage("r");
        message.setJMSReplyTo(replies);
        producer.send(message);
        assertThat(receive(consumer).getJMSReplyTo()).isEqualTo(replies);
    }

    @Test
    @DisplayName("3.4.6: a temporary queue as JMSReplyTo is received as a destination that replies can be sent to")
    void temporaryReplyToIsUsable() throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        Message message = session.createTextMessage("r");
        message.setJMSReplyTo(replies);
        producer.send(message);
        Message received = receive(consumer);
        assertThat(received.getJMSReplyTo()).isEqualTo(replies);
        session.createProducer(received.getJMSReplyTo()).send(session.createTextMessage("answer"));
        assertThat(receiveText(session.createConsumer(replies))).isEqualTo("answer");
    }

    @Test
    @DisplayName("3.4.6: messages sent with a null JMSReplyTo value are received with a null JMSReplyTo")
    void nullReplyTo() throws Exception {
        producer.send(session.createTextMessage("no reply"));
        assertThat(receive(consumer).getJMSReplyTo()).isNull();
    }

    @Test
    @DisplayName("3.4.7: JMSRedelivered is false for a message that is delivered for the first time")
    void firstDeliveryIsNotRedelivered() throws Exception {
        producer.send(session.createTextMessage("first"));
        assertThat(receive(consumer).getJMSRedelivered()).isFalse();
    }

    @Test
    @DisplayName("3.5.11: the first time a message is received JMSXDeliveryCount will be set to 1")
    void firstDeliveryCountIsOne() throws Exception {
        producer.send(session.createTextMessage("first"));
        assertThat(receive(consumer).getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    @DisplayName("3.4.8: JMSType contains a message type identifier supplied by a client when a message is sent")
    void typeRoundTrip() throws Exception {
        Message message = session.createTextMessage("t");
        message.setJMSType("car");
        producer.send(message);
        assertThat(receive(consumer).getJMSType()).isEqualTo("car");
    }

    // ------------------------------------------------------------ 3.4.9 JMSExpiration

    @Test
    @DisplayName("3.4.9: JMSExpiration is the time-to-live specified on the send added to the time the message was sent")
    void expirationIsSendTimePlusTimeToLive() throws Exception {
        Message message = session.createTextMessage("e");
        long before = System.currentTimeMillis();
        producer.send(message, DeliveryMode.PERSISTENT, 4, 60_000);
        long after = System.currentTimeMillis();
        assertThat(message.getJMSExpiration()).isBetween(before + 60_000, after + 60_000);
    }

    @Test
    @DisplayName("3.4.9: when a message is received its JMSExpiration header field contains this same value")
    void receivedExpirationEqualsSent() throws Exception {
        Message message = session.createTextMessage("e");
        producer.send(message, DeliveryMode.PERSISTENT, 4, 60_000);
        assertThat(receive(consumer).getJMSExpiration()).isEqualTo(message.getJMSExpiration());
    }

    @Test
    @DisplayName("3.4.9: if the time-to-live is specified as zero, JMSExpiration is set to zero to indicate that the message does not expire")
    void zeroTimeToLiveMeansNoExpiration() throws Exception {
        Message message = session.createTextMessage("e");
        producer.send(message, DeliveryMode.PERSISTENT, 4, 0);
        assertThat(message.getJMSExpiration()).isZero();
        assertThat(receive(consumer).getJMSExpiration()).isZero();
    }

    // ------------------------------------------------------------ 3.4.10 JMSPriority

    @Test
    @DisplayName("3.4.10: after completion of the send, JMSPriority holds the value specified by the method sending the message")
    void prioritySetBySend() throws Exception {
        Message message = session.createTextMessage("p");
        producer.send(message, DeliveryMode.PERSISTENT, 8, 0);
        assertThat(message.getJMSPriority()).isEqualTo(8);
    }

    // ------------------------------------------------------------ 3.4.13 JMSDeliveryTime

    @Test
    @DisplayName("3.4.13: JMSDeliveryTime is the delivery delay added to the time the message was sent (no delay: the send time)")
    void deliveryTimeWithoutDelayIsSendTime() throws Exception {
        Message message = session.createTextMessage("dt");
        long before = System.currentTimeMillis();
        producer.send(message);
        long after = System.currentTimeMillis();
        assertThat(message.getJMSDeliveryTime()).isBetween(before, after);
    }

    @Test
    @DisplayName("3.4.13: when a message is received its JMSDeliveryTime header field contains this same value")
    void receivedDeliveryTimeEqualsSent() throws Exception {
        Message message = session.createTextMessage("dt");
        producer.send(message);
        assertThat(receive(consumer).getJMSDeliveryTime()).isEqualTo(message.getJMSDeliveryTime());
    }

    // ------------------------------------------------------------ 3.4.11 values set by the client are ignored

    static Stream<Arguments> providerSetHeaders() {
        return Stream.of(
                Arguments.of("JMSDestination", (Setter) (m, other) -> m.setJMSDestination(other),
                        (Check) (received, sent, queue) -> assertThat(received.getJMSDestination()).isEqualTo(queue)),
                Arguments.of("JMSDeliveryMode", (Setter) (m, other) -> m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT),
                        (Check) (received, sent, queue) -> assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT)),
                Arguments.of("JMSExpiration", (Setter) (m, other) -> m.setJMSExpiration(System.currentTimeMillis() + 5),
                        (Check) (received, sent, queue) -> assertThat(received.getJMSExpiration()).isZero()),
                Arguments.of("JMSPriority", (Setter) (m, other) -> m.setJMSPriority(9),
                        (Check) (received, sent, queue) -> assertThat(received.getJMSPriority()).isEqualTo(2)),
                Arguments.of("JMSMessageID", (Setter) (m, other) -> m.setJMSMessageID("ID:client-chosen"),
                        (Check) (received, sent, queue) -> assertThat(received.getJMSMessageID()).isNotEqualTo("ID:client-chosen")),
                Arguments.of("JMSTimestamp", (Setter) (m, other) -> m.setJMSTimestamp(1L),
                        (Check) (received, sent, queue) -> assertThat(received.getJMSTimestamp()).isNotEqualTo(1L)),
                Arguments.of("JMSDeliveryTime", (Setter) (m, other) -> m.setJMSDeliveryTime(Long.MAX_VALUE / 2),
                        (Check) (received, sent, queue) -> assertThat(received.getJMSDeliveryTime()).isLessThanOrEqualTo(System.currentTimeMillis())),
                Arguments.of("JMSRedelivered", (Setter) (m, other) -> m.setJMSRedelivered(true),
                        (Check) (received, sent, queue) -> assertThat(received.getJMSRedelivered()).isFalse()));
    }

    @ParameterizedTest(name = "3.4.11: a value set by the client for {0} before sending is ignored and overwritten by the provider")
    @MethodSource("providerSetHeaders")
    void providerSetHeadersIgnoreClientValues(String header, Setter setter, Check check) throws Exception {
        Message message = session.createTextMessage(header);
        setter.set(message, queue());
        producer.send(message, DeliveryMode.PERSISTENT, 2, 0);
        check.check(receive(consumer), message, queue);
    }

    @Test
    @DisplayName("Message: header fields are never in read-only mode (a received message's headers can be changed)")
    void receivedHeadersAreWritable() throws Exception {
        producer.send(session.createTextMessage("h"));
        Message received = receive(consumer);
        assertThatCode(() -> {
            received.setJMSType("changed");
            received.setJMSCorrelationID("changed");
            received.setJMSReplyTo(queue);
        }).doesNotThrowAnyException();
        assertThat(received.getJMSType()).isEqualTo("changed");
        assertThat(((TextMessage) received).getText()).isEqualTo("h");
    }

    @FunctionalInterface
    interface Setter {
        void set(Message message, Queue other) throws Exception;
    }

    @FunctionalInterface
    interface Check {
        void check(Message received, Message sent, Queue queue) throws Exception;
    }
}
