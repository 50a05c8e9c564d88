package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Delivery delay: JMSDeliveryTime, and no delivery before it. */
class DeliveryDelayTest extends JmsTestSupport {
    private static final long DELAY = 300;

    /**
     * A short receive that must come back empty while the delivery time lies ahead; on a machine too slow to get here
     * before the delivery time, it only checks that nothing arrived early.
     */
    private static void assertNothingBefore(long deliveryTime, java.util.function.Supplier<Object> shortReceive) {
        Object early = shortReceive.get();
        long now = System.currentTimeMillis();
        if (early != null) {
            assertThat(now).as("received before the delivery time").isGreaterThanOrEqualTo(deliveryTime);
        }
        if (now < deliveryTime) {
            assertThat(early).isNull();
        }
    }

    private static Message receiveQuietly(MessageConsumer c, long timeout) {
        try {
            return c.receive(timeout);
        } catch (jakarta.jms.JMSException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDelayedMessageIsNotDeliveredBeforeItsDeliveryTime() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("delay"));
        MessageConsumer consumer = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        assertThat(p.getDeliveryDelay()).isZero();
        p.setDeliveryDelay(DELAY);
        assertThat(p.getDeliveryDelay()).isEqualTo(DELAY);

        Message sent = s.createTextMessage("later");
        long before = System.currentTimeMillis();
        p.send(sent);
        long after = System.currentTimeMillis();
        assertThat(sent.getJMSDeliveryTime()).isBetween(before + DELAY, after + DELAY);

        assertNothingBefore(sent.getJMSDeliveryTime(), () -> receiveQuietly(consumer, 50));
        Message m = receive(consumer);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
        assertThat(text(m)).isEqualTo("later");
        assertThat(m.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
    }

    @Test
    void messagesWithoutDelayOvertakeDelayedOnes() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("delay-order"));
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(DELAY);
        p.send(s.createTextMessage("delayed"));
        p.setDeliveryDelay(0);
        Message now = s.createTextMessage("now");
        p.send(now);
        assertThat(now.getJMSDeliveryTime()).isEqualTo(now.getJMSTimestamp());
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(receiveTexts(consumer, 2)).containsExactly("now", "delayed");
    }

    @Test
    void aDelayedMessageIsNotVisibleToBrowsersOrCountedAsReadyForConsumersYet() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("delay-browse"));
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(DELAY);
        Message sent = s.createTextMessage("later");
        p.send(sent);
        boolean visible = s.createBrowser(q).getEnumeration().hasMoreElements();
        if (System.currentTimeMillis() < sent.getJMSDeliveryTime()) {
            assertThat(visible).isFalse();
        }
        await().until(() -> s.createBrowser(q).getEnumeration().hasMoreElements());
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
    }

    @Test
    void aDelayedMessageReachesAListenerAfterTheDelay() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("delay-topic"));
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        s.createConsumer(t).setMessageListener(m -> arrivals.add(System.currentTimeMillis()));
        MessageProducer p = c.createSession().createProducer(t);
        p.setDeliveryDelay(DELAY);
        Message sent = s.createTextMessage("later");
        p.send(sent);
        await().until(() -> arrivals.size() == 1);
        assertThat(arrivals.get(0)).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
    }

    @Test
    void aDelayedMessageInATransactionCountsFromTheSend() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("delay-tx"));
        MessageProducer p = tx.createProducer(q);
        p.setDeliveryDelay(DELAY);
        Message sent = tx.createTextMessage("later");
        p.send(sent);
        tx.commit();
        MessageConsumer consumer = c.createSession().createConsumer(q);
        assertNothingBefore(sent.getJMSDeliveryTime(), () -> receiveQuietly(consumer, 50));
        assertThat(receiveText(consumer)).isEqualTo("later");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
    }

    @Test
    void jmsContextProducerDeliveryDelay() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("delay-context"));
        JMSConsumer consumer = ctx.createConsumer(q);
        long sentAt = System.currentTimeMillis();
        ctx.createProducer().setDeliveryDelay(DELAY).send(q, "later");
        assertNothingBefore(sentAt + DELAY, () -> consumer.receiveBody(String.class, 50));
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("later");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(sentAt + DELAY);
    }
}
