package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JMS clients in the broker's JVM ({@code vm://}) and AMQP 0-9-1 clients over the network (RabbitMQ's Java client)
 * share one broker's queues and topics, and each sees the other's headers and properties as the README's mapping
 * table says.
 */
class AmqpInteropTest {
    private static final long TIMEOUT = 5_000;

    private String name;
    private WarrenConnectionFactory jms;
    private AmqpServer server;
    private Connection amqp;

    @BeforeEach
    void start() throws Exception {
        name = "interop-" + System.nanoTime();
        jms = new WarrenConnectionFactory("vm://" + name);
        server = AmqpServer.start(VmBrokers.broker(jms), ServerSettings.ephemeral(),
                UserStore.withDefaultGuest(new PasswordHasher(1_000)));
        com.rabbitmq.client.ConnectionFactory f = new com.rabbitmq.client.ConnectionFactory();
        f.setPort(server.port());
        f.setAutomaticRecoveryEnabled(false);
        amqp = f.newConnection();
    }

    @AfterEach
    void stop() throws Exception {
        amqp.abort();
        server.close();
        VmBrokers.stop(name);
    }

    @Test
    void anAmqpPublishReachesAJmsConsumerWithItsPropertiesMapped() throws Exception {
        try (JMSContext context = jms.createContext()) {
            Queue queue = context.createQueue("interop.in");
            JMSConsumer consumer = context.createConsumer(queue);
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put("region", "eu");
            headers.put("count", 3);
            headers.put("big", 5_000_000_000L);
            headers.put("flag", true);
            headers.put("ratio", 0.5d);
            headers.put("price", new BigDecimal("10.25"));
            headers.put("at", new Date(1_700_000_000_000L));
            long before = System.currentTimeMillis();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("text/plain")
                    .messageId("m-1").correlationId("c-1").type("order").priority(7).deliveryMode(2)
                    .expiration("60000").timestamp(new Date(1_700_000_000_000L)).appId("billing").headers(headers)
                    .build();
            Channel ch = amqp.createChannel();
            ch.basicPublish("", "interop.in", props, "hello from AMQP".getBytes(StandardCharsets.UTF_8));

            TextMessage m = (TextMessage) consumer.receive(TIMEOUT);

            assertThat(m.getText()).isEqualTo("hello from AMQP");
            assertThat(m.getJMSMessageID()).isEqualTo("m-1");
            assertThat(m.getJMSCorrelationID()).isEqualTo("c-1");
            assertThat(m.getJMSType()).isEqualTo("order");
            assertThat(m.getJMSPriority()).isEqualTo(7);
            assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(m.getJMSExpiration()).isBetween(before + 60_000, System.currentTimeMillis() + 60_000);
            assertThat(m.getJMSTimestamp()).isEqualTo(1_700_000_000_000L);
            assertThat(m.getStringProperty("JMSXAppID")).isEqualTo("billing");
            assertThat(m.getStringProperty("region")).isEqualTo("eu");
            assertThat(m.getIntProperty("count")).isEqualTo(3);
            assertThat(m.getLongProperty("big")).isEqualTo(5_000_000_000L);
            assertThat(m.getBooleanProperty("flag")).isTrue();
            assertThat(m.getDoubleProperty("ratio")).isEqualTo(0.5d);
            assertThat(m.getStringProperty("price")).isEqualTo("10.25");
            assertThat(m.getLongProperty("at")).isEqualTo(1_700_000_000_000L);
        }
    }

    @Test
    void aJmsSendReachesAnAmqpClientWithHeadersAndPropertiesMapped() throws Exception {
        try (JMSContext context = jms.createContext()) {
            Queue queue = context.createQueue("interop.out");
            context.createProducer().setPriority(6).setJMSCorrelationID("corr-9").setJMSType("invoice")
                    .setProperty("customer", "acme").setProperty("lines", 4).setTimeToLive(30_000)
                    .send(queue, "hello from JMS");
            Channel ch = amqp.createChannel();

            GetResponse r = ch.basicGet("interop.out", true);

            assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello from JMS");
            AMQP.BasicProperties p = r.getProps();
            assertThat(p.getContentType()).isEqualTo(ContentTypes.TEXT);
            assertThat(p.getMessageId()).startsWith("ID:");
            assertThat(p.getCorrelationId()).isEqualTo("corr-9");
            assertThat(p.getType()).isEqualTo("invoice");
            assertThat(p.getPriority()).isEqualTo(6);
            assertThat(p.getDeliveryMode()).isEqualTo(2);
            assertThat(Long.parseLong(p.getExpiration())).isBetween(1L, 30_000L);
            assertThat(p.getTimestamp()).isNotNull();
            assertThat(p.getHeaders()).containsEntry("lines", 4);
            assertThat(p.getHeaders().get("customer").toString()).isEqualTo("acme");
        }
    }

    @Test
    void topicsMeetAcrossProtocolsThroughAmqTopic() throws Exception {
        try (JMSContext context = jms.createContext()) {
            Topic topic = context.createTopic("news.*");
            JMSConsumer subscriber = context.createConsumer(topic);
            Channel ch = amqp.createChannel();
            String q = ch.queueDeclare().getQueue();
            ch.queueBind(q, "amq.topic", "news.#");

            ch.basicPublish("amq.topic", "news.eu", null, "from AMQP".getBytes(StandardCharsets.UTF_8));
            BytesMessage fromAmqp = (BytesMessage) subscriber.receive(TIMEOUT);
            assertThat(fromAmqp.getBody(byte[].class)).asString(StandardCharsets.UTF_8).isEqualTo("from AMQP");
            // The publish reaches the two queues one after the other: wait for the AMQP queue's copy too.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ch.messageCount(q) == 1);

            context.createProducer().send(context.createTopic("news.us"), "from JMS");
            TextMessage ownEcho = (TextMessage) subscriber.receive(TIMEOUT);
            assertThat(ownEcho.getText()).isEqualTo("from JMS");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ch.messageCount(q) == 2);
            assertThat(new String(ch.basicGet(q, true).getBody(), StandardCharsets.UTF_8)).isEqualTo("from AMQP");
            GetResponse fromJms = ch.basicGet(q, true);
            assertThat(new String(fromJms.getBody(), StandardCharsets.UTF_8)).isEqualTo("from JMS");
            assertThat(fromJms.getEnvelope().getRoutingKey()).isEqualTo("news.us");
        }
    }
}
