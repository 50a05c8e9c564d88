package io.warren.tck.temporary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicRequestor;
import jakarta.jms.TopicSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sections 6.2.2 "Creating temporary destinations", 4.1.5, 4.2.7, and the requestors of 4.1.7 and 4.2.10. */
@DisplayName("6.2.2 Temporary destinations and requestors")
class TemporaryDestinationTest extends TckSupport {

    @Test
    @DisplayName("6.2.2: each TemporaryQueue object is unique (system-generated uniquely for its connection)")
    void temporaryQueuesAreUnique() throws Exception {
        Session session = connection().createSession();
        TemporaryQueue one = session.createTemporaryQueue();
        TemporaryQueue two = session.createTemporaryQueue();
        assertThat(one).isNotEqualTo(two);
        assertThat(one.getQueueName()).isNotEqualTo(two.getQueueName());
    }

    @Test
    @DisplayName("6.2.2: each TemporaryTopic object is unique (system-generated uniquely for its connection)")
    void temporaryTopicsAreUnique() throws Exception {
        Session session = connection().createSession();
        TemporaryTopic one = session.createTemporaryTopic();
        TemporaryTopic two = session.createTemporaryTopic();
        assertThat(one).isNotEqualTo(two);
        assertThat(one.getTopicName()).isNotEqualTo(two.getTopicName());
    }

    @Test
    @DisplayName("6.2.2: the scope of a temporary destination is the connection: any of its sessions may create a consumer for it")
    void anySessionOfTheConnectionMayConsume() throws Exception {
        Connection connection = startedConnection();
        TemporaryQueue temporary = connection.createSession().createTemporaryQueue();
        Session other = connection.createSession();
        sendText(other, temporary, "same connection");
        assertThat(receiveText(other.createConsumer(temporary))).isEqualTo("same connection");
    }

    @Test
    @DisplayName("4.1.5 / 6.2.2: a TemporaryQueue can only be consumed by the connection that created it (another connection's consumer is refused)")
    void otherConnectionCannotConsumeTemporaryQueue() throws Exception {
        TemporaryQueue temporary = connection().createSession().createTemporaryQueue();
        Session foreign = startedConnection().createSession();
        assertThatThrownBy(() -> foreign.createConsumer(temporary)).isInstanceOf(JMSException.class);
    }

    @Test
    @DisplayName("4.2.7 / 6.2.2: a TemporaryTopic's messages may be consumed only by the connection that created it (another connection's consumer is refused)")
    void otherConnectionCannotConsumeTemporaryTopic() throws Exception {
        TemporaryTopic temporary = connection().createSession().createTemporaryTopic();
        Session foreign = startedConnection().createSession();
        assertThatThrownBy(() -> foreign.createConsumer(temporary)).isInstanceOf(JMSException.class);
    }

    @Test
    @DisplayName("6.2.2: a typical use of a temporary destination is as the JMSReplyTo destination (other connections may send to it)")
    void otherConnectionsMaySendToTemporaryQueue() throws Exception {
        Connection requester = startedConnection();
        Session session = requester.createSession();
        TemporaryQueue replies = session.createTemporaryQueue();
        Session responder = startedConnection().createSession();
        sendText(responder, replies, "reply from another connection");
        assertThat(receiveText(session.createConsumer(replies))).isEqualTo("reply from another connection");
    }

    @Test
    @DisplayName("4.2.7: a TemporaryTopic delivers messages published to it to the creating connection's subscribers")
    void temporaryTopicDelivers() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession();
        TemporaryTopic temporary = session.createTemporaryTopic();
        MessageConsumer subscriber = session.createConsumer(temporary);
        sendText(startedConnection().createSession(), temporary, "to the temporary topic");
        assertThat(receiveText(subscriber)).isEqualTo("to the temporary topic");
    }

    @Test
    @DisplayName("TemporaryQueue.delete: if there are existing receivers still using it, a JMSException will be thrown")
    void deleteTemporaryQueueWithConsumerThrows() throws Exception {
        Session session = startedConnection().createSession();
        TemporaryQueue temporary = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(temporary);
        assertThatThrownBy(temporary::delete).isInstanceOf(JMSException.class);
        consumer.close();
        temporary.delete();
    }

    @Test
    @DisplayName("TemporaryTopic.delete: if there are existing subscribers still using it, a JMSException will be thrown")
    void deleteTemporaryTopicWithSubscriberThrows() throws Exception {
        Session session = startedConnection().createSession();
        TemporaryTopic temporary = session.createTemporaryTopic();
        MessageConsumer subscriber = session.createConsumer(temporary);
        assertThatThrownBy(temporary::delete).isInstanceOf(JMSException.class);
        subscriber.close();
        temporary.delete();
    }

    @Test
    @DisplayName("10.3: InvalidDestinationException must be thrown when a destination is no longer valid (sending to a deleted temporary queue)")
    void sendToDeletedTemporaryQueueThrows() throws Exception {
        Session session = startedConnection().createSession();
        TemporaryQueue temporary = session.createTemporaryQueue();
        temporary.delete();
        MessageProducer producer = session.createProducer(null);
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(temporary, message)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("10.3: InvalidDestinationException must be thrown when a destination is no longer valid (consumer on a deleted temporary queue)")
    void consumeFromDeletedTemporaryQueueThrows() throws Exception {
        Session session = startedConnection().createSession();
        TemporaryQueue temporary = session.createTemporaryQueue();
        temporary.delete();
        assertThatThrownBy(() -> session.createConsumer(temporary)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("6.2.2: temporary destinations are automatically deleted when their connection is closed (sending to one fails)")
    void temporaryQueueDeletedWithConnection() throws Exception {
        Connection owner = factory().createConnection();
        TemporaryQueue temporary = owner.createSession().createTemporaryQueue();
        owner.close();
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(null);
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(temporary, message)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("JMSContext.createTemporaryQueue: creates a TemporaryQueue whose lifetime is that of the JMSContext's connection")
    void contextTemporaryQueue() {
        JMSContext context = context();
        TemporaryQueue temporary = context.createTemporaryQueue();
        context.createProducer().send(temporary, "via context");
        assertThat(context.createConsumer(temporary).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("via context");
    }

    // ------------------------------------------------------------ 4.1.7 / 4.2.10 requestors

    @Test
    @DisplayName("4.1.7: QueueRequestor creates a TemporaryQueue for the responses and request() sends the request and waits for its reply")
    void queueRequestor() throws Exception {
        Queue service = queue();
        Connection responderConnection = startedConnection();
        Session responder = responderConnection.createSession();
        MessageProducer replier = responder.createProducer(null);
        responder.createConsumer(service).setMessageListener(request -> {
            try {
                TextMessage reply = responder.createTextMessage("echo " + ((TextMessage) request).getText());
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replier.send(request.getJMSReplyTo(), reply);
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        try (QueueConnection connection = queueFactory().createQueueConnection()) {
            connection.start();
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(session, service);
            TextMessage request = session.createTextMessage("ping");
            Message reply = requestor.request(request);
            assertThat(((TextMessage) reply).getText()).isEqualTo("echo ping");
            assertThat(request.getJMSReplyTo()).isInstanceOf(TemporaryQueue.class);
            requestor.close();
        }
    }

    @Test
    @DisplayName("4.2.10: TopicRequestor creates a TemporaryTopic for the responses and request() sends the request and waits for its reply")
    void topicRequestor() throws Exception {
        Topic service = topic();
        Connection responderConnection = startedConnection();
        Session responder = responderConnection.createSession();
        MessageProducer replier = responder.createProducer(null);
        responder.createConsumer(service).setMessageListener(request -> {
            try {
                replier.send(request.getJMSReplyTo(), responder.createTextMessage("pong"));
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        try (TopicConnection connection = topicFactory().createTopicConnection()) {
            connection.start();
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            TopicRequestor requestor = new TopicRequestor(session, service);
            TextMessage request = session.createTextMessage("ping");
            Message reply = requestor.request(request);
            assertThat(((TextMessage) reply).getText()).isEqualTo("pong");
            assertThat(request.getJMSReplyTo()).isInstanceOf(TemporaryTopic.class);
            requestor.close();
        }
    }
}
