package io.warren.tck.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification chapter 7 "Sending messages" and the {@code MessageProducer} javadoc. */
@DisplayName("7 Sending messages: MessageProducer")
class MessageProducerTest extends TckSupport {

    // ------------------------------------------------------------ 7.1 identified and unidentified producers

    @Test
    @DisplayName("7.1: if the producer's destination is null, the destination must be specified on every send operation")
    void unidentifiedProducerSendsToDestinationOfEachSend() throws Exception {
        Queue first = queue();
        Queue second = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(null);
        producer.send(first, session.createTextMessage("to first"));
        producer.send(second, session.createTextMessage("to second"), DeliveryMode.NON_PERSISTENT, 4, 0);
        assertThat(receiveText(session.createConsumer(first))).isEqualTo("to first");
        assertThat(receiveText(session.createConsumer(second))).isEqualTo("to second");
    }

    @Test
    @DisplayName("MessageProducer.send(Message): UnsupportedOperationException if the producer did not specify a destination at creation time")
    void unidentifiedProducerSendWithoutDestinationThrowsUnsupportedOperation() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(null);
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(message)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("MessageProducer.send(Message, int, int, long): UnsupportedOperationException if the producer did not specify a destination at creation time")
    void unidentifiedProducerSendWithOptionsWithoutDestinationThrowsUnsupportedOperation() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(null);
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(message, DeliveryMode.PERSISTENT, 4, 0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("MessageProducer.send(Destination, Message): UnsupportedOperationException if the producer specified a destination at creation time")
    void identifiedProducerSendWithDestinationThrowsUnsupportedOperation() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(queue());
        Queue other = queue();
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(other, message)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("MessageProducer.send(Destination, Message, int, int, long): UnsupportedOperationException if the producer specified a destination at creation time")
    void identifiedProducerSendWithDestinationAndOptionsThrowsUnsupportedOperation() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(queue());
        Queue other = queue();
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(other, message, DeliveryMode.PERSISTENT, 4, 0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("MessageProducer.send(Destination, Message): InvalidDestinationException if a client uses this method with an invalid (null) destination")
    void unidentifiedProducerSendToNullThrowsInvalidDestination() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(null);
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(null, message)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("MessageProducer.getDestination: returns the destination specified when the producer was created")
    void getDestinationReturnsCreationDestination() throws Exception {
        Queue queue = queue();
        assertThat(connection().createSession().createProducer(queue).getDestination()).isEqualTo(queue);
    }

    @Test
    @DisplayName("MessageProducer.send: MessageFormatException if an invalid (null) message is specified")
    void sendNullMessageThrowsMessageFormat() throws Exception {
        MessageProducer producer = connection().createSession().createProducer(queue());
        assertThatThrownBy(() -> producer.send(null)).isInstanceOf(MessageFormatException.class);
    }

    // ------------------------------------------------------------ defaults and delivery options (7.4, 7.7-7.9)

    @Test
    @DisplayName("MessageProducer.setDeliveryMode: delivery mode is set to PERSISTENT by default")
    void defaultDeliveryModeIsPersistent() throws Exception {
        assertThat(connection().createSession().createProducer(queue()).getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }

    @Test
    @DisplayName("MessageProducer.setPriority: priority is set to 4 by default")
    void defaultPriorityIsFour() throws Exception {
        assertThat(connection().createSession().createProducer(queue()).getPriority()).isEqualTo(4);
    }

    @Test
    @DisplayName("MessageProducer.setTimeToLive: time to live is set to zero by default")
    void defaultTimeToLiveIsZero() throws Exception {
        assertThat(connection().createSession().createProducer(queue()).getTimeToLive()).isZero();
    }

    @Test
    @DisplayName("MessageProducer.setDeliveryDelay: deliveryDelay is set to zero by default")
    void defaultDeliveryDelayIsZero() throws Exception {
        assertThat(connection().createSession().createProducer(queue()).getDeliveryDelay()).isZero();
    }

    @Test
    @DisplayName("7.4: a client can specify a producer's delivery mode, priority, time-to-live and delivery delay (getters return them)")
    void producerOptionsRoundTrip() throws Exception {
        MessageProducer producer = connection().createSession().createProducer(queue());
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.setPriority(8);
        producer.setTimeToLive(12_345);
        producer.setDeliveryDelay(678);
        producer.setDisableMessageID(true);
        producer.setDisableMessageTimestamp(true);
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(8);
        assertThat(producer.getTimeToLive()).isEqualTo(12_345);
        assertThat(producer.getDeliveryDelay()).isEqualTo(678);
        assertThat(producer.getDisableMessageID()).isTrue();
        assertThat(producer.getDisableMessageTimestamp()).isTrue();
    }

    @Test
    @DisplayName("7.4: the producer's delivery mode, priority and time-to-live are set for all messages sent by it")
    void producerDefaultsApplyToMessages() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.setPriority(7);
        producer.setTimeToLive(60_000);
        producer.send(session.createTextMessage("defaults"));
        Message received = receive(session.createConsumer(queue));
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSPriority()).isEqualTo(7);
        assertThat(received.getJMSExpiration()).isNotZero();
    }

    @Test
    @DisplayName("7.4: delivery mode, priority and time-to-live given as parameters to send override the values set on the producer")
    void sendParametersOverrideProducerDefaults() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.setPriority(1);
        producer.setTimeToLive(60_000);
        producer.send(session.createTextMessage("override"), DeliveryMode.PERSISTENT, 6, 0);
        Message received = receive(session.createConsumer(queue));
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(received.getJMSPriority()).isEqualTo(6);
        assertThat(received.getJMSExpiration()).isZero();
    }

    @ParameterizedTest(name = "MessageProducer.setPriority({0}): the priority must be a value between 0 and 9 (JMSException otherwise)")
    @ValueSource(ints = {-1, 10})
    void invalidProducerPriorityThrows(int priority) throws Exception {
        MessageProducer producer = connection().createSession().createProducer(queue());
        assertThatThrownBy(() -> producer.setPriority(priority)).isInstanceOf(JMSException.class);
    }

    @ParameterizedTest(name = "MessageProducer.setDeliveryMode({0}): legal values are NON_PERSISTENT and PERSISTENT (JMSException otherwise)")
    @ValueSource(ints = {0, 3})
    void invalidProducerDeliveryModeThrows(int mode) throws Exception {
        MessageProducer producer = connection().createSession().createProducer(queue());
        assertThatThrownBy(() -> producer.setDeliveryMode(mode)).isInstanceOf(JMSException.class);
    }

    @Test
    @DisplayName("MessageProducer.send(Message, deliveryMode, ..): an illegal delivery mode parameter is rejected with a JMSException")
    void invalidSendDeliveryModeThrows() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(queue());
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(message, 42, 4, 0)).isInstanceOf(JMSException.class);
    }

    @Test
    @DisplayName("MessageProducer.send(Message, .., priority, ..): a priority outside 0-9 is rejected with a JMSException")
    void invalidSendPriorityThrows() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(queue());
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(message, DeliveryMode.PERSISTENT, 10, 0)).isInstanceOf(JMSException.class);
    }

    // ------------------------------------------------------------ 3.4.10 priorities

    @ParameterizedTest(name = "3.4.10: JMS defines a ten level priority value; a message sent with priority {0} is received with JMSPriority {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void everyPriorityLevelIsCarried(int priority) throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        session.createProducer(queue).send(session.createTextMessage("p"), DeliveryMode.NON_PERSISTENT, priority, 0);
        assertThat(receive(session.createConsumer(queue)).getJMSPriority()).isEqualTo(priority);
    }

    @Test
    @DisplayName("3.4.10: a provider should do its best to deliver expedited messages (5-9) ahead of normal messages (0-4)")
    void expeditedMessagesOvertakeNormalOnes() throws Exception {
        Queue queue = queue();
        Connection connection = connection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        for (int priority = 0; priority <= 9; priority++) {
            producer.send(session.createTextMessage("p" + priority), DeliveryMode.PERSISTENT, priority, 0);
        }
        MessageConsumer consumer = session.createConsumer(queue);
        connection.start();
        List<Integer> priorities = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            priorities.add(receive(consumer).getJMSPriority());
        }
        assertThat(priorities.subList(0, 5)).allMatch(p -> p >= 5);
        assertThat(priorities).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    // ------------------------------------------------------------ closing

    @Test
    @DisplayName("MessageProducer.close: once closed, an attempt to send must throw an IllegalStateException")
    void closedProducerThrowsIllegalState() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(queue());
        producer.close();
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(message)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("MessageProducer.close: closing a closed producer does not throw")
    void closingClosedProducerDoesNotThrow() throws Exception {
        MessageProducer producer = connection().createSession().createProducer(queue());
        producer.close();
        assertThatCode(producer::close).doesNotThrowAnyException();
    }

    // ------------------------------------------------------------ 3.9 access to sent messages

    @Test
    @DisplayName("3.9: after sending a message, a client may retain and modify it without affecting the message that has been sent")
    void modifyingSentMessageDoesNotAffectIt() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        TextMessage message = session.createTextMessage("original");
        message.setStringProperty("version", "1");
        session.createProducer(queue).send(message);
        message.setText("modified");
        message.setStringProperty("version", "2");
        TextMessage received = (TextMessage) receive(session.createConsumer(queue));
        assertThat(received.getText()).isEqualTo("original");
        assertThat(received.getStringProperty("version")).isEqualTo("1");
    }

    @Test
    @DisplayName("3.9: the same message object may be sent multiple times")
    void sameMessageSentTwice() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        TextMessage message = session.createTextMessage("again");
        producer.send(message);
        String firstId = message.getJMSMessageID();
        producer.send(message);
        MessageConsumer consumer = session.createConsumer(queue);
        Message one = receive(consumer);
        Message two = receive(consumer);
        assertThat(((TextMessage) one).getText()).isEqualTo("again");
        assertThat(((TextMessage) two).getText()).isEqualTo("again");
        assertThat(one.getJMSMessageID()).isEqualTo(firstId).isNotEqualTo(two.getJMSMessageID());
    }

    // ------------------------------------------------------------ 3.4.3 / 3.4.4 hints

    @Test
    @DisplayName("3.4.3: with setDisableMessageID, the message ID is null if the hint is accepted, else its normal unique value")
    void disableMessageIdHint() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setDisableMessageID(true);
        producer.send(session.createTextMessage("no id"));
        String id = receive(session.createConsumer(queue)).getJMSMessageID();
        if (id != null) {
            assertThat(id).startsWith("ID:");
        }
    }

    @Test
    @DisplayName("3.4.4: with setDisableMessageTimestamp, the timestamp is zero if the hint is accepted, else its normal value")
    void disableTimestampHint() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setDisableMessageTimestamp(true);
        long before = System.currentTimeMillis();
        producer.send(session.createTextMessage("no timestamp"));
        long after = System.currentTimeMillis();
        long timestamp = receive(session.createConsumer(queue)).getJMSTimestamp();
        if (timestamp != 0) {
            assertThat(timestamp).isBetween(before, after);
        }
    }

    // ------------------------------------------------------------ domain-specific producers

    @Test
    @DisplayName("7.2: QueueSender.send(Queue, Message) sends synchronously to the given queue")
    void queueSenderSends() throws Exception {
        Queue queue = queue();
        try (QueueConnection connection = queueFactory().createQueueConnection()) {
            connection.start();
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueSender sender = session.createSender(null);
            sender.send(queue, session.createTextMessage("via QueueSender"));
            assertThat(receiveText(session.createReceiver(queue))).isEqualTo("via QueueSender");
        }
    }

    @Test
    @DisplayName("7.2: TopicPublisher.publish(Message) sends synchronously to the publisher's topic")
    void topicPublisherPublishes() throws Exception {
        Topic topic = topic();
        try (TopicConnection connection = topicFactory().createTopicConnection()) {
            connection.start();
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createSubscriber(topic);
            TopicPublisher publisher = session.createPublisher(topic);
            assertThat(publisher.getTopic()).isEqualTo(topic);
            publisher.publish(session.createTextMessage("via TopicPublisher"));
            assertThat(receiveText(subscriber)).isEqualTo("via TopicPublisher");
        }
    }

    @Test
    @DisplayName("4.2.2: a subscription will receive a copy of every message sent to the topic after the subscription is created")
    void everySubscriptionReceivesACopy() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        MessageConsumer one = connection.createSession().createConsumer(topic);
        MessageConsumer two = connection.createSession().createConsumer(topic);
        sendTexts(connection, topic, "broadcast");
        assertThat(receiveText(one)).isEqualTo("broadcast");
        assertThat(receiveText(two)).isEqualTo("broadcast");
    }

    @Test
    @DisplayName("3.4.10: on a topic subscription too, the provider should deliver expedited messages ahead of normal messages")
    void expeditedFirstOnTopicSubscription() throws Exception {
        Topic topic = topic();
        Connection connection = connection();
        Session session = connection.createSession();
        MessageConsumer subscriber = session.createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("normal"), DeliveryMode.PERSISTENT, 1, 0);
        producer.send(session.createTextMessage("expedited"), DeliveryMode.PERSISTENT, 8, 0);
        connection.start();
        assertThat(receiveText(subscriber)).isEqualTo("expedited");
        assertThat(receiveText(subscriber)).isEqualTo("normal");
    }

    @Test
    @DisplayName("7.2: TopicPublisher.publish(Topic, Message, deliveryMode, priority, timeToLive) on an unidentified publisher")
    void unidentifiedPublisherWithOptions() throws Exception {
        Topic topic = topic();
        try (TopicConnection connection = topicFactory().createTopicConnection()) {
            connection.start();
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createSubscriber(topic);
            TopicPublisher publisher = session.createPublisher(null);
            publisher.publish(topic, session.createTextMessage("options"), DeliveryMode.NON_PERSISTENT, 7, 0);
            Message received = receive(subscriber);
            assertThat(received.getJMSPriority()).isEqualTo(7);
            assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        }
    }
}
