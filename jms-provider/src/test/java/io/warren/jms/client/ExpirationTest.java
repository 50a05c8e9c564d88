package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
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

/** Time-to-live: JMSExpiration, and expired messages are never delivered. */
class ExpirationTest extends JmsTestSupport {
    private static final long SHORT_TTL = 50;

    private static void awaitPast(long time) {
        await().until(() -> System.currentTimeMillis() > time);
    }

    @Test
    void timeToLiveSetsJmsExpiration() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("ttl-header"));
        MessageProducer p = s.createProducer(q);
        p.setTimeToLive(60_000);
        assertThat(p.getTimeToLive()).isEqualTo(60_000);
        Message sent = s.createTextMessage("x");
        long before = System.currentTimeMillis();
        p.send(sent);
        long after = System.currentTimeMillis();
        assertThat(sent.getJMSExpiration()).isBetween(before + 60_000, after + 60_000);
        Message received = receive(s.createConsumer(q));
        assertThat(received.getJMSExpiration()).isEqualTo(sent.getJMSExpiration());
    }

    @Test
    void aTimeToLiveOfZeroMeansTheMessageNeverExpires() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("ttl-zero"));
        MessageProducer p = s.createProducer(q);
        assertThat(p.getTimeToLive()).isZero();
        Message sent = s.createTextMessage("forever");
        sent.setJMSExpiration(12345);
        p.send(sent);
        assertThat(sent.getJMSExpiration()).isZero();
        assertThat(receive(s.createConsumer(q)).getJMSExpiration()).isZero();
    }

    @Test
    void expiredMessagesSittingInAQueueAreNotDelivered() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("ttl-queue"));
        MessageProducer p = s.createProducer(q);
        Message shortLived = s.createTextMessage("short");
        p.send(shortLived, DeliveryMode.PERSISTENT, 4, SHORT_TTL);
        p.send(s.createTextMessage("long"), DeliveryMode.PERSISTENT, 4, 60_000);
        p.send(s.createTextMessage("forever"));
        assertThat(readyCount(q.getQueueName())).isEqualTo(3);

        // the broker drops the message when it expires, without a consumer asking
        await().until(() -> readyCount(q.getQueueName()) == 2);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(shortLived.getJMSExpiration());
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(receiveTexts(consumer, 2)).containsExactly("long", "forever");
        assertNoMessage(consumer);
    }

    @Test
    void aMessageThatExpiresWhilePrefetchedIsNotHandedToReceive() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("ttl-prefetched"));
        c.start();
        MessageConsumer consumer = s.createConsumer(q);
        MessageProducer p = s.createProducer(q);
        Message shortLived = s.createTextMessage("short");
        p.send(shortLived, DeliveryMode.NON_PERSISTENT, 4, SHORT_TTL);
        p.send(s.createTextMessage("kept"));
        // both were pushed to the consumer already; the connection is stopped so they wait there
        assertThat(readyCount(q.getQueueName())).isZero();
        c.stop();
        awaitPast(shortLived.getJMSExpiration());

        c.start();
        assertThat(receiveText(consumer)).isEqualTo("kept");
        assertNoMessage(consumer);
        s.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void aMessageThatExpiresWhilePrefetchedIsNotHandedToAListener() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("ttl-listener"));
        MessageConsumer consumer = s.createConsumer(q);
        List<String> seen = new CopyOnWriteArrayList<>();
        consumer.setMessageListener(m -> {
            try {
                seen.add(text(m));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        MessageProducer p = s.createProducer(q);
        Message shortLived = s.createTextMessage("short");
        p.send(shortLived, DeliveryMode.NON_PERSISTENT, 4, SHORT_TTL);
        p.send(s.createTextMessage("kept"));
        awaitPast(shortLived.getJMSExpiration());

        c.start();
        await().until(() -> seen.contains("kept"));
        assertThat(seen).containsExactly("kept");
    }

    @Test
    void expiredMessagesAreNotDeliveredToTopicSubscribers() throws Exception {
        Connection c = connection(factoryWithClientId("ttl-client"));
        Session s = c.createSession();
        Topic t = s.createTopic(unique("ttl-topic"));
        s.createDurableSubscriber(t, "sub").close();
        MessageProducer p = s.createProducer(t);
        p.setTimeToLive(SHORT_TTL);
        p.send(s.createTextMessage("short"));
        p.setTimeToLive(0);
        p.send(s.createTextMessage("kept"));
        String queue = SessionTopology.durableQueueName("ttl-client", "sub");
        await().until(() -> readyCount(queue) == 1);
        c.start();
        MessageConsumer sub = s.createDurableSubscriber(t, "sub");
        assertThat(receiveText(sub)).isEqualTo("kept");
        assertNoMessage(sub);
    }

    @Test
    void jmsContextProducerTimeToLive() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("ttl-context"));
        ctx.createProducer().setTimeToLive(SHORT_TTL).send(q, "short");
        ctx.createProducer().send(q, "kept");
        await().until(() -> readyCount(q.getQueueName()) == 1);
        assertThat(ctx.createConsumer(q).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("kept");
    }
}
