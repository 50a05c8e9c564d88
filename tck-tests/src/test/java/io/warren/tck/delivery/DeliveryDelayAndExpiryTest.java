package io.warren.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sections 7.9 "Message delivery delay", 3.4.13 "JMSDeliveryTime", 7.8 "Message time-to-live" and 3.4.9. */
@DisplayName("7.8 / 7.9 Time-to-live and delivery delay")
class DeliveryDelayAndExpiryTest extends TckSupport {

    /** Delivery delay used by the tests: long enough to observe "not yet", short enough to keep the suite fast. */
    private static final long DELAY = 200;

    // ------------------------------------------------------------ 7.9 delivery delay

    @Test
    @DisplayName("7.9: the provider must not deliver messages before the delivery time has been reached")
    void notDeliveredBeforeDeliveryTime() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        TextMessage message = session.createTextMessage("delayed");
        producer.send(message);
        MessageConsumer consumer = session.createConsumer(queue);
        Message received = receive(consumer);
        long receivedAt = System.currentTimeMillis();
        assertThat(receivedAt).as("received at or after JMSDeliveryTime").isGreaterThanOrEqualTo(message.getJMSDeliveryTime());
        assertThat(((TextMessage) received).getText()).isEqualTo("delayed");
    }

    @Test
    @DisplayName("3.4.13: JMSDeliveryTime is the delivery delay added to the time the message was sent")
    void deliveryTimeIsSendTimePlusDelay() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        Message message = session.createTextMessage("t");
        long before = System.currentTimeMillis();
        producer.send(message);
        long after = System.currentTimeMillis();
        assertThat(message.getJMSDeliveryTime()).isBetween(before + DELAY, after + DELAY);
    }

    @Test
    @DisplayName("3.4.13: when a delayed message is received its JMSDeliveryTime header field contains the value set by the send")
    void receivedDeliveryTimeEqualsSent() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        Message message = session.createTextMessage("t");
        producer.send(message);
        assertThat(receive(session.createConsumer(queue)).getJMSDeliveryTime()).isEqualTo(message.getJMSDeliveryTime());
    }

    @Test
    @DisplayName("4.1.6: a message must not be returned by a QueueBrowser before its delivery time has been reached")
    void browserDoesNotShowMessageBeforeDeliveryTime() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(60_000);
        producer.send(session.createTextMessage("far in the future"));
        session.createProducer(queue).send(session.createTextMessage("now"));
        List<Object> browsed = elements(session.createBrowser(queue).getEnumeration());
        assertThat(browsed).hasSize(1);
        assertThat(((TextMessage) browsed.get(0)).getText()).isEqualTo("now");
    }

    @Test
    @DisplayName("7.9: a message published to a topic is only added to subscriptions that exist at the time the message is sent")
    void delayedTopicMessageOnlyForExistingSubscriptions() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer existing = session.createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        producer.setDeliveryDelay(DELAY);
        producer.send(session.createTextMessage("delayed broadcast"));
        MessageConsumer late = connection.createSession().createConsumer(topic);
        assertThat(receiveText(existing)).isEqualTo("delayed broadcast");
        assertNoMessage(late);
    }

    @Test
    @DisplayName("6.2.9.2: messages with a later delivery time may be delivered after messages with an earlier delivery time")
    void laterDeliveryTimeArrivesLater() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        MessageProducer delayed = session.createProducer(queue);
        delayed.setDeliveryDelay(3 * DELAY); // margin: the immediate message must be consumed before this one is due
        delayed.send(session.createTextMessage("sent first, delayed"));
        session.createProducer(queue).send(session.createTextMessage("sent second, immediate"));
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(receiveText(consumer)).isEqualTo("sent second, immediate");
        assertThat(receiveText(consumer)).isEqualTo("sent first, delayed");
    }

    @Test
    @DisplayName("7.9: for transacted sends the delivery time is computed from the time the client sends the message, not the commit")
    void transactedDelayCountsFromSend() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        Message message = transacted.createTextMessage("tx delayed");
        long before = System.currentTimeMillis();
        producer.send(message);
        long after = System.currentTimeMillis();
        transacted.commit();
        assertThat(message.getJMSDeliveryTime()).isBetween(before + DELAY, after + DELAY);
        assertThat(receiveText(connection.createSession().createConsumer(queue))).isEqualTo("tx delayed");
    }

    @Test
    @DisplayName("JMSProducer.setDeliveryDelay: sets the minimum time that must elapse after a message is sent before it may be delivered")
    void jmsProducerDeliveryDelay() {
        Queue queue = queue();
        JMSContext context = context();
        JMSConsumer consumer = context.createConsumer(queue);
        long sent = System.currentTimeMillis();
        context.createProducer().setDeliveryDelay(DELAY).send(queue, "delayed via JMSProducer");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("delayed via JMSProducer");
        assertThat(System.currentTimeMillis() - sent).as("elapsed before delivery").isGreaterThanOrEqualTo(DELAY);
    }

    // ------------------------------------------------------------ 7.8 time-to-live

    @Test
    @DisplayName("7.8 / 3.4.9: a message whose time-to-live has elapsed is not delivered (it is not acceptable to simply ignore time-to-live)")
    void expiredMessageIsNotDelivered() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        session.createProducer(queue).send(session.createTextMessage("expires"), DeliveryMode.NON_PERSISTENT, 4, 50);
        session.createProducer(queue).send(session.createTextMessage("lives"), DeliveryMode.NON_PERSISTENT, 4, 0);
        Thread.sleep(150); // let the 50 ms time-to-live elapse
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(receiveText(consumer)).isEqualTo("lives");
        assertNoMessage(consumer);
    }

    @Test
    @DisplayName("3.4.9: clients should not receive messages that have expired (an expired message is not browsed either)")
    void expiredMessageIsNotBrowsed() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        session.createProducer(queue).send(session.createTextMessage("expires"), DeliveryMode.PERSISTENT, 4, 50);
        Thread.sleep(150); // let the 50 ms time-to-live elapse
        List<Object> browsed = new ArrayList<>(elements(session.createBrowser(queue).getEnumeration()));
        assertThat(browsed).isEmpty();
    }

    @Test
    @DisplayName("7.8: a message within its time-to-live is delivered with its JMSExpiration")
    void unexpiredMessageIsDelivered() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.setTimeToLive(60_000);
        Message message = session.createTextMessage("fresh");
        producer.send(message);
        Message received = receive(session.createConsumer(queue));
        assertThat(received.getJMSExpiration()).isEqualTo(message.getJMSExpiration()).isGreaterThan(System.currentTimeMillis());
    }

    @Test
    @DisplayName("7.8: for transacted sends the expiration is computed from the time the client sends the message, not the commit")
    void transactedExpirationCountsFromSend() throws Exception {
        Queue queue = queue();
        Session transacted = startedConnection().createSession(Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue);
        Message message = transacted.createTextMessage("tx");
        long before = System.currentTimeMillis();
        producer.send(message, DeliveryMode.PERSISTENT, 4, 60_000);
        long after = System.currentTimeMillis();
        transacted.commit();
        assertThat(message.getJMSExpiration()).isBetween(before + 60_000, after + 60_000);
    }

    @Test
    @DisplayName("JMSProducer.setTimeToLive: messages sent by the JMSProducer expire after the time-to-live")
    void jmsProducerTimeToLive() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().setTimeToLive(50).send(queue, "short lived");
        context.createProducer().send(queue, "long lived");
        Thread.sleep(150); // let the 50 ms time-to-live elapse
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("long lived");
        assertNoMessage(consumer);
    }

    @Test
    @DisplayName("8.3.3 / 3.4.9: a durable subscription retains messages until they are delivered or until they have expired (expired ones are not delivered)")
    void expiredMessagesLeaveInactiveDurableSubscription() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        session.createDurableConsumer(topic, "sub").close();
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("expires"), DeliveryMode.PERSISTENT, 4, 50);
        producer.send(session.createTextMessage("retained"), DeliveryMode.PERSISTENT, 4, 0);
        Thread.sleep(150); // let the 50 ms time-to-live elapse
        MessageConsumer resumed = session.createDurableConsumer(topic, "sub");
        assertThat(receiveText(resumed)).isEqualTo("retained");
        assertNoMessage(resumed);
        resumed.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("7.9: a delayed message added to an existing durable subscription is delivered, not before its delivery time, to a consumer that resumes it")
    void delayedMessageOnDurableSubscription() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        session.createDurableConsumer(topic, "sub").close();
        MessageProducer producer = session.createProducer(topic);
        producer.setDeliveryDelay(DELAY);
        Message message = session.createTextMessage("delayed for the subscription");
        producer.send(message);
        MessageConsumer resumed = session.createDurableConsumer(topic, "sub");
        assertThat(receiveText(resumed)).isEqualTo("delayed for the subscription");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(message.getJMSDeliveryTime());
        resumed.close();
        session.unsubscribe("sub");
    }
}
