package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
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
import org.junit.jupiter.api.Test;

/** Temporary queues and topics: owned by their connection, usable by anyone as a destination to send to. */
class TemporaryDestinationsTest extends JmsTestSupport {

    @Test
    void aTemporaryQueueCarriesMessages() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        TemporaryQueue tq = s.createTemporaryQueue();
        assertThat(tq.getQueueName()).isNotBlank();
        assertThat(s.createTemporaryQueue().getQueueName()).isNotEqualTo(tq.getQueueName());
        MessageConsumer consumer = s.createConsumer(tq);
        sendTexts(s, tq, "m1", "m2");
        assertThat(receiveTexts(consumer, 2)).containsExactly("m1", "m2");
    }

    @Test
    void aTemporaryTopicCarriesMessagesToEverySubscriber() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        TemporaryTopic tt = s.createTemporaryTopic();
        assertThat(tt.getTopicName()).isNotBlank();
        MessageConsumer a = s.createConsumer(tt);
        MessageConsumer b = c.createSession().createConsumer(tt);
        sendTexts(s, tt, "news");
        assertThat(receiveText(a)).isEqualTo("news");
        assertThat(receiveText(b)).isEqualTo("news");
    }

    @Test
    void anotherConnectionMaySendToButNotConsumeFromATemporaryDestination() throws Exception {
        Connection owner = startedConnection();
        Session os = owner.createSession();
        TemporaryQueue tq = os.createTemporaryQueue();
        TemporaryTopic tt = os.createTemporaryTopic();
        MessageConsumer queueConsumer = os.createConsumer(tq);
        MessageConsumer topicConsumer = os.createConsumer(tt);

        Session other = startedConnection().createSession();
        sendTexts(other, tq, "to-queue");
        sendTexts(other, tt, "to-topic");
        assertThat(receiveText(queueConsumer)).isEqualTo("to-queue");
        assertThat(receiveText(topicConsumer)).isEqualTo("to-topic");

        assertThatThrownBy(() -> other.createConsumer(tq)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> other.createConsumer(tt)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> other.createBrowser(tq)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> other.createSharedConsumer(tt, "s")).isInstanceOf(InvalidDestinationException.class);

        // another session of the owning connection may consume
        Session second = owner.createSession();
        MessageConsumer secondConsumer = second.createConsumer(tq);
        sendTexts(other, tq, "again");
        Message m = queueConsumer.receive(ABSENT_TIMEOUT);
        if (m == null) {
            m = receive(secondConsumer);
        }
        assertThat(text(m)).isEqualTo("again");
    }

    @Test
    void aTemporaryDestinationReceivedAsReplyToCanBeAnsweredButNotConsumed() throws Exception {
        Connection requester = startedConnection();
        Session rs = requester.createSession();
        TemporaryQueue replies = rs.createTemporaryQueue();
        jakarta.jms.Queue requests = rs.createQueue(unique("requests"));
        TextMessage request = rs.createTextMessage("ping");
        request.setJMSReplyTo(replies);
        rs.createProducer(requests).send(request);

        Session service = startedConnection().createSession();
        Message received = receive(service.createConsumer(requests));
        assertThat(received.getJMSReplyTo()).isInstanceOf(TemporaryQueue.class).isEqualTo(replies);
        service.createProducer(received.getJMSReplyTo()).send(service.createTextMessage("pong"));
        assertThatThrownBy(() -> service.createConsumer(received.getJMSReplyTo()))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> ((TemporaryQueue) received.getJMSReplyTo()).delete())
                .isInstanceOf(JMSException.class);

        assertThat(receiveText(rs.createConsumer(replies))).isEqualTo("pong");
    }

    @Test
    void aDurableSubscriptionOnATemporaryTopicIsRejected() throws Exception {
        Connection c = connection(factoryWithClientId("temp-durable"));
        Session s = c.createSession();
        TemporaryTopic tt = s.createTemporaryTopic();
        assertThatThrownBy(() -> s.createDurableSubscriber(tt, "d")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createDurableConsumer(tt, "d")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createSharedDurableConsumer(tt, "d"))
                .isInstanceOf(InvalidDestinationException.class);
        // a shared non-durable subscription lives no longer than its consumers, so it is allowed
        s.createSharedConsumer(tt, "shared").close();
    }

    @Test
    void deleteFailsWhileAConsumerUsesTheDestination() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        TemporaryQueue tq = s.createTemporaryQueue();
        TemporaryTopic tt = s.createTemporaryTopic();
        MessageConsumer qc = s.createConsumer(tq);
        MessageConsumer tc = s.createConsumer(tt);
        assertThatThrownBy(tq::delete).isInstanceOf(JMSException.class);
        assertThatThrownBy(tt::delete).isInstanceOf(JMSException.class);

        qc.close();
        tc.close();
        tq.delete();
        tt.delete();
        assertThat(virtualHost().hasQueue(tq.getQueueName())).isFalse();
    }

    @Test
    void aDeletedTemporaryDestinationCanNoLongerBeUsed() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        TemporaryQueue tq = s.createTemporaryQueue();
        TemporaryTopic tt = s.createTemporaryTopic();
        tq.delete();
        tt.delete();
        assertThatThrownBy(() -> s.createConsumer(tq)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createConsumer(tt)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createProducer(tq)).isInstanceOf(InvalidDestinationException.class);
        MessageProducer anonymous = s.createProducer(null);
        assertThatThrownBy(() -> anonymous.send(tq, s.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> anonymous.send(tt, s.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void temporaryDestinationsAreDeletedWithTheirConnection() throws Exception {
        Connection owner = startedConnection();
        Session os = owner.createSession();
        TemporaryQueue tq = os.createTemporaryQueue();
        os.createConsumer(tq);
        Session other = startedConnection().createSession();
        MessageProducer toTemp = other.createProducer(tq);
        assertThat(virtualHost().hasQueue(tq.getQueueName())).isTrue();

        owner.close();
        assertThat(virtualHost().hasQueue(tq.getQueueName())).isFalse();
        assertThatThrownBy(() -> toTemp.send(other.createTextMessage("late")))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> other.createProducer(tq)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void queueRequestorGetsTheReply() throws Exception {
        QueueConnection qc = (QueueConnection) startedConnection();
        QueueSession qs = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.Queue service = qs.createQueue(unique("service"));
        startResponder(service);

        QueueRequestor requestor = new QueueRequestor(qs, service);
        Message reply = requestor.request(qs.createTextMessage("ping"));
        assertThat(text(reply)).isEqualTo("pong:ping");
        assertThat(requestor.request(qs.createTextMessage("again")).getBody(String.class)).isEqualTo("pong:again");
        requestor.close();
    }

    @Test
    void topicRequestorGetsTheReply() throws Exception {
        TopicConnection tc = (TopicConnection) startedConnection();
        TopicSession ts = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic service = ts.createTopic(unique("topic-service"));
        startResponder(service);

        TopicRequestor requestor = new TopicRequestor(ts, service);
        Message reply = requestor.request(ts.createTextMessage("ping"));
        assertThat(text(reply)).isEqualTo("pong:ping");
        requestor.close();
    }

    /** Answers every request on another connection, sending to its JMSReplyTo with the request's ID as correlation. */
    private void startResponder(jakarta.jms.Destination service) throws JMSException {
        Connection rc = startedConnection();
        Session responder = rc.createSession();
        MessageProducer replies = responder.createProducer(null);
        responder.createConsumer(service).setMessageListener(m -> {
            try {
                TextMessage answer = responder.createTextMessage("pong:" + text(m));
                answer.setJMSCorrelationID(m.getJMSMessageID());
                replies.send(m.getJMSReplyTo(), answer);
            } catch (JMSException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void temporaryDestinationsThroughJmsContext() throws Exception {
        JMSContext ctx = context();
        TemporaryQueue tq = ctx.createTemporaryQueue();
        ctx.createProducer().send(tq, "hello");
        assertThat(ctx.createConsumer(tq).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("hello");

        JMSContext other = context();
        other.createProducer().send(tq, "from-other");
        assertThatThrownBy(() -> other.createConsumer(tq)).isInstanceOf(InvalidDestinationRuntimeException.class);
    }
}
