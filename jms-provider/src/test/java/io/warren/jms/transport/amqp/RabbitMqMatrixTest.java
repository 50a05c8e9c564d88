package io.warren.jms.transport.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The README's feature matrix against a real RabbitMQ: what works as in-JVM, and what RabbitMQ lacks failing at
 * once with a JMS exception that says so. Opt-in: {@code mvn -B -Prabbitmq -pl jms-provider test} with a
 * RabbitMQ on localhost (the profile sets {@code warren.rabbitmq.url}).
 */
@EnabledIfSystemProperty(named = "warren.rabbitmq.url", matches = ".+")
class RabbitMqMatrixTest {
    private static final long WAIT = 5_000;

    private final String run = "matrix-" + System.nanoTime();
    private final List<String> queues = new ArrayList<>();
    private WarrenConnectionFactory factory;
    private Connection connection;
    private Session session;

    @BeforeEach
    void connect() throws JMSException {
        factory = new WarrenConnectionFactory(System.getProperty("warren.rabbitmq.url"));
        connection = factory.createConnection();
        session = connection.createSession();
        connection.start();
    }

    @AfterEach
    void cleanUp() throws Exception {
        connection.close();
        com.rabbitmq.client.ConnectionFactory admin = new com.rabbitmq.client.ConnectionFactory();
        admin.setUri(System.getProperty("warren.rabbitmq.url"));
        try (com.rabbitmq.client.Connection c = admin.newConnection();
             com.rabbitmq.client.Channel ch = c.createChannel()) {
            for (String q : queues) {
                ch.queueDelete(q);
            }
        }
    }

    private Queue queue(String name) throws JMSException {
        String full = run + "." + name;
        queues.add(full);
        return session.createQueue(full);
    }

    private Topic topic(String name) throws JMSException {
        return session.createTopic(run + "." + name);
    }

    @Test
    void queuesCarryEveryMessageTypeAndItsProperties() throws Exception {
        Queue q = queue("types");
        MessageProducer p = session.createProducer(q);
        TextMessage text = session.createTextMessage("text");
        text.setStringProperty("s", "v");
        text.setLongProperty("l", 42L);
        text.setBooleanProperty("b", true);
        p.send(text);
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        p.send(bytes);
        MapMessage map = session.createMapMessage();
        map.setInt("n", 7);
        p.send(map);
        p.send(session.createObjectMessage(new java.util.ArrayList<>(List.of("x"))));
        MessageConsumer c = session.createConsumer(q);
        TextMessage t = (TextMessage) c.receive(WAIT);
        assertThat(t.getText()).isEqualTo("text");
        assertThat(t.getStringProperty("s")).isEqualTo("v");
        assertThat(t.getLongProperty("l")).isEqualTo(42L);
        assertThat(t.getBooleanProperty("b")).isTrue();
        assertThat(t.getJMSTimestamp()).isEqualTo(text.getJMSTimestamp());
        assertThat(((BytesMessage) c.receive(WAIT)).getBodyLength()).isEqualTo(3);
        assertThat(((MapMessage) c.receive(WAIT)).getInt("n")).isEqualTo(7);
        assertThat(((ObjectMessage) c.receive(WAIT)).getObject()).isEqualTo(List.of("x"));
    }

    @Test
    void topicsWithWildcardsAndDurableSubscriptions() throws Exception {
        Topic all = topic("news.#");
        MessageConsumer wildcard = session.createConsumer(all);
        Connection durableConnection = factory.createConnection();
        durableConnection.setClientID(run + "-client");
        Session ds = durableConnection.createSession();
        MessageConsumer durable = ds.createDurableConsumer(topic("news.eu"), "sub");
        queues.add("jms.durable." + run + "-client:sub");
        durable.close();
        session.createProducer(topic("news.eu")).send(session.createTextMessage("while away"));
        assertThat(((TextMessage) wildcard.receive(WAIT)).getText()).isEqualTo("while away");
        durableConnection.start();
        MessageConsumer again = ds.createDurableConsumer(topic("news.eu"), "sub");
        assertThat(((TextMessage) again.receive(WAIT)).getText()).isEqualTo("while away");
        again.close();
        ds.unsubscribe("sub");
        durableConnection.close();
    }

    @Test
    void temporaryQueuesForRequestReply() throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        Queue requests = queue("requests");
        TextMessage request = session.createTextMessage("ping");
        request.setJMSReplyTo(replies);
        session.createProducer(requests).send(request);
        Message got = session.createConsumer(requests).receive(WAIT);
        session.createProducer(got.getJMSReplyTo()).send(session.createTextMessage("pong"));
        assertThat(((TextMessage) session.createConsumer(replies).receive(WAIT)).getText()).isEqualTo("pong");
    }

    @Test
    void localTransactionsCommitAndRollBack() throws Exception {
        Queue q = queue("tx");
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("rolled back"));
        tx.rollback();
        p.send(tx.createTextMessage("committed"));
        tx.commit();
        MessageConsumer c = tx.createConsumer(q);
        Message first = c.receive(WAIT);
        assertThat(((TextMessage) first).getText()).isEqualTo("committed");
        tx.rollback();
        Message again = c.receive(WAIT);
        assertThat(((TextMessage) again).getText()).isEqualTo("committed");
        assertThat(again.getJMSRedelivered()).isTrue();
        tx.commit();
        assertThat(c.receiveNoWait()).isNull();
    }

    @Test
    void clientAcknowledgeAndRecover() throws Exception {
        Queue q = queue("client-ack");
        Session s = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        s.createProducer(q).send(s.createTextMessage("m"));
        MessageConsumer c = s.createConsumer(q);
        assertThat(c.receive(WAIT).getJMSRedelivered()).isFalse();
        s.recover();
        Message again = c.receive(WAIT);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        again.acknowledge();
    }

    @Test
    void asynchronousSendCompletesOnThePublisherConfirm() throws Exception {
        CompletableFuture<Message> done = new CompletableFuture<>();
        MessageProducer p = session.createProducer(queue("async"));
        p.send(session.createTextMessage("m"), DeliveryMode.PERSISTENT, 4, 0, new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                done.complete(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                done.completeExceptionally(exception);
            }
        });
        assertThat(done.get(WAIT, TimeUnit.MILLISECONDS)).isNotNull();
    }

    @Test
    void clientIdsAreUniqueOnTheBroker() throws Exception {
        WarrenConnectionFactory f = new WarrenConnectionFactory(System.getProperty("warren.rabbitmq.url"));
        f.setClientID(run + "-unique");
        try (Connection first = f.createConnection()) {
            assertThat(first.getClientID()).isEqualTo(run + "-unique");
            assertThatThrownBy(f::createConnection).isInstanceOf(InvalidClientIDException.class);
        }
    }

    @Test
    void sharedClientIdsAreOpenAtOnceUnlessOneConnectionHoldsTheIdExclusively() throws Exception {
        String id = run + "-shared";
        WarrenConnectionFactory shared = new WarrenConnectionFactory(System.getProperty("warren.rabbitmq.url"));
        shared.setClientID(id);
        shared.setEnableSharedClientID(true);
        try (Connection a = shared.createConnection(); Connection b = shared.createConnection()) {
            assertThat(a.getClientID()).isEqualTo(id);
            assertThat(b.getClientID()).isEqualTo(id);
        }
        WarrenConnectionFactory exclusive = new WarrenConnectionFactory(System.getProperty("warren.rabbitmq.url"));
        exclusive.setClientID(id);
        try (Connection holder = exclusive.createConnection()) {
            assertThatThrownBy(shared::createConnection).isInstanceOf(InvalidClientIDException.class)
                    .hasMessageContaining(id);
        }
        try (Connection again = shared.createConnection()) {
            assertThat(again.getClientID()).isEqualTo(id);
        }
    }

    @Test
    void expiredMessagesAreNotDeliveredAndPrioritiesOrderTheQueue() throws Exception {
        Queue q = queue("ttl-priority");
        MessageProducer p = session.createProducer(q);
        p.send(session.createTextMessage("expires"), DeliveryMode.NON_PERSISTENT, 4, 1);
        long expired = System.currentTimeMillis() + 20;
        p.send(session.createTextMessage("low"), DeliveryMode.NON_PERSISTENT, 1, 0);
        p.send(session.createTextMessage("high"), DeliveryMode.NON_PERSISTENT, 9, 0);
        // the 1 ms TTL has passed on the broker's clock (same machine) before the consumer asks
        org.awaitility.Awaitility.await().until(() -> System.currentTimeMillis() > expired);
        MessageConsumer c = session.createConsumer(q);
        assertThat(((TextMessage) c.receive(WAIT)).getText()).isEqualTo("high");
        assertThat(((TextMessage) c.receive(WAIT)).getText()).isEqualTo("low");
        assertThat(c.receiveNoWait()).isNull();
    }

    @Test
    void whatRabbitMqLacksFailsAtOnceSayingSo() throws Exception {
        Queue q = queue("lacking");
        assertThatThrownBy(() -> session.createConsumer(q, "colour = 'red'"))
                .isInstanceOf(InvalidSelectorException.class).hasMessageContaining("RabbitMQ")
                .hasMessageContaining("queue consumer");
        assertThatThrownBy(() -> session.createConsumer(topic("t"), "colour = 'red'"))
                .isInstanceOf(InvalidSelectorException.class).hasMessageContaining("topic subscription");
        assertThatThrownBy(() -> session.createBrowser(q)).isInstanceOf(JMSException.class)
                .hasMessageContaining("browse");
        assertThatThrownBy(() -> session.createConsumer(topic("t"), null, true)).isInstanceOf(JMSException.class)
                .hasMessageContaining("noLocal");
        MessageProducer delayed = session.createProducer(q);
        delayed.setDeliveryDelay(1_000);
        assertThatThrownBy(() -> delayed.send(session.createTextMessage("later")))
                .isInstanceOf(JMSException.class).hasMessageContaining("delay");
        // the session is still usable after every refusal
        session.createProducer(q).send(session.createTextMessage("fine"));
        assertThat(((TextMessage) session.createConsumer(q).receive(WAIT)).getText()).isEqualTo("fine");
    }
}
