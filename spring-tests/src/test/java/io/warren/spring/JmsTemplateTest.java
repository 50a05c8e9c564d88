package io.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.jms.MessageFormatException;
import org.springframework.jms.core.BrowserCallback;
import org.springframework.jms.core.JmsMessagingTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.listener.adapter.MessageListenerAdapter;
import org.springframework.jms.support.JmsHeaders;

/** {@link JmsTemplate} over a plain {@link WarrenConnectionFactory} (a new connection per operation). */
class JmsTemplateTest {
    private static final String BROKER = "spring-jms-template";
    private static final String URL = TestBrokers.url(BROKER, "trustedPackages=io.warren.spring");

    private final WarrenConnectionFactory factory = new WarrenConnectionFactory(URL);
    private final JmsTemplate template = new JmsTemplate(factory);
    private final List<DefaultMessageListenerContainer> containers = new ArrayList<>();
    private String queue;

    @BeforeEach
    void setUp(TestInfo info) {
        queue = "template." + info.getTestMethod().orElseThrow().getName();
        template.setReceiveTimeout(5_000);
    }

    @AfterEach
    void stopContainers() {
        containers.forEach(DefaultMessageListenerContainer::shutdown);
    }

    @AfterAll
    static void stopBroker() {
        TestBrokers.stop(BROKER);
    }

    private int depth(String queueName) {
        return TestBrokers.host(factory).queueDeclarePassive(null, queueName).messageCount();
    }

    @Test
    void sendAndReceive() throws JMSException {
        template.send(queue, session -> {
            TextMessage m = session.createTextMessage("hello spring");
            m.setStringProperty("origin", "test");
            return m;
        });
        assertThat(depth(queue)).isEqualTo(1);

        Message received = template.receive(queue);

        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isEqualTo("hello spring");
        assertThat(received.getStringProperty("origin")).isEqualTo("test");
        assertThat(received.getJMSMessageID()).startsWith("ID:");
        assertThat(received.getJMSDestination()).isInstanceOf(Queue.class);
        assertThat(((Queue) received.getJMSDestination()).getQueueName()).isEqualTo(queue);
        assertThat(depth(queue)).isZero();
    }

    @Test
    void convertAndSendStringMapAndSerializable() throws JMSException {
        Order order = new Order("o-1", "carrots", 12, new BigDecimal("3.50"));
        template.convertAndSend(queue, "a string");
        template.convertAndSend(queue, Map.of("sku", "carrot", "quantity", 12, "express", true));
        template.convertAndSend(queue, order);
        template.convertAndSend(queue, "bytes".getBytes());

        assertThat(template.receiveAndConvert(queue)).isEqualTo("a string");
        assertThat(template.receiveAndConvert(queue))
                .isEqualTo(Map.of("sku", "carrot", "quantity", 12, "express", true));
        assertThat(template.receiveAndConvert(queue)).isEqualTo(order);
        assertThat(template.receiveAndConvert(queue)).isEqualTo("bytes".getBytes());
        // the message types the SimpleMessageConverter chose
        template.convertAndSend(queue, Map.of("k", "v"));
        assertThat(template.receive(queue)).isInstanceOf(MapMessage.class);
        template.convertAndSend(queue, order);
        Message object = template.receive(queue);
        assertThat(object).isInstanceOf(ObjectMessage.class);
        assertThat(((ObjectMessage) object).getObject()).isEqualTo(order);
    }

    @Test
    void trustedPackagesSetOnTheFactoryAllowObjectMessages() {
        WarrenConnectionFactory trusting = new WarrenConnectionFactory(TestBrokers.url(BROKER));
        trusting.setTrustedPackages(List.of("io.warren.spring"));
        JmsTemplate viaSetter = new JmsTemplate(trusting);
        viaSetter.setReceiveTimeout(5_000);
        Order order = new Order("o-2", "lettuce", 1, BigDecimal.ONE);

        viaSetter.convertAndSend(queue, order);

        assertThat(viaSetter.receiveAndConvert(queue)).isEqualTo(order);
    }

    @Test
    void untrustedObjectMessageFailsToConvert() {
        JmsTemplate untrusting = new JmsTemplate(new WarrenConnectionFactory(TestBrokers.url(BROKER)));
        untrusting.setReceiveTimeout(5_000);
        untrusting.convertAndSend(queue, new Order("o-3", "turnip", 2, BigDecimal.TEN));

        // ObjectMessage.getObject() refuses with a jakarta.jms.MessageFormatException, which Spring translates
        assertThatThrownBy(() -> untrusting.receiveAndConvert(queue))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("io.warren.spring.Order")
                .hasMessageContaining("trustedPackages");
    }

    @Test
    void receiveSelected() throws JMSException {
        for (String colour : new String[] {"red", "green", "blue"}) {
            template.convertAndSend(queue, colour + " apple", m -> {
                m.setStringProperty("colour", colour);
                return m;
            });
        }

        Message green = template.receiveSelected(queue, "colour = 'green'");
        assertThat(((TextMessage) green).getText()).isEqualTo("green apple");
        assertThat(template.receiveSelectedAndConvert(queue, "colour IN ('blue', 'purple')")).isEqualTo("blue apple");

        template.setReceiveTimeout(200);
        assertThat(template.receiveSelected(queue, "colour = 'green'")).isNull();
        assertThat(template.receiveAndConvert(queue)).isEqualTo("red apple");
    }

    @Test
    void browseAndBrowseSelectedLeaveTheMessages() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            template.convertAndSend(queue, "m" + n, m -> {
                m.setIntProperty("n", n);
                return m;
            });
        }

        List<String> all = template.browse(queue, texts());
        List<String> even = template.browseSelected(queue, "n = 0 OR n = 2 OR n BETWEEN 4 AND 9", texts());

        assertThat(all).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(even).containsExactly("m0", "m2", "m4");
        Integer counted = template.browse(queue, (Session session, QueueBrowser browser) -> {
            int n = 0;
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                n++;
            }
            return n;
        });
        assertThat(counted).isEqualTo(5);
        assertThat(depth(queue)).isEqualTo(5);
        assertThat(template.receiveAndConvert(queue)).isEqualTo("m0");
    }

    private static BrowserCallback<List<String>> texts() {
        return (session, browser) -> {
            List<String> texts = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                texts.add(((TextMessage) e.nextElement()).getText());
            }
            return texts;
        };
    }

    @Test
    void sendAndReceiveOverATemporaryQueue() throws JMSException {
        DefaultMessageListenerContainer responder = new DefaultMessageListenerContainer();
        responder.setConnectionFactory(factory);
        responder.setDestinationName(queue);
        responder.setMessageListener(new MessageListenerAdapter(new Object() {
            @SuppressWarnings("unused")
            public String handleMessage(String request) {
                return request.toUpperCase();
            }
        }));
        start(responder);

        for (String word : new String[] {"warren", "burrow", "rabbit"}) {
            Message reply = template.sendAndReceive(queue, session -> session.createTextMessage(word));
            assertThat(reply).isNotNull();
            assertThat(((TextMessage) reply).getText()).isEqualTo(word.toUpperCase());
        }
        // every temporary reply queue went away with the template's connection
        assertThat(TestBrokers.host(factory).queueNames())
                .noneMatch(n -> n.startsWith("warren.temp-queue."));
    }

    @Test
    void sendAndReceiveWithAPlainListenerAnsweringToReplyTo() throws JMSException {
        DefaultMessageListenerContainer responder = new DefaultMessageListenerContainer();
        responder.setConnectionFactory(factory);
        responder.setDestinationName(queue);
        responder.setMessageListener((org.springframework.jms.listener.SessionAwareMessageListener<Message>)
                (request, session) -> {
                    TextMessage reply = session.createTextMessage("echo:" + ((TextMessage) request).getText());
                    reply.setJMSCorrelationID(request.getJMSMessageID());
                    session.createProducer(request.getJMSReplyTo()).send(reply);
                });
        start(responder);

        Message reply = template.sendAndReceive(queue, session -> session.createTextMessage("ping"));

        assertThat(((TextMessage) reply).getText()).isEqualTo("echo:ping");
        assertThat(reply.getJMSCorrelationID()).startsWith("ID:");
    }

    @Test
    void messagePostProcessorSetsPropertiesAndHeaders() throws JMSException {
        template.convertAndSend(queue, "with extras", m -> {
            m.setStringProperty("customer", "acme");
            m.setIntProperty("attempt", 3);
            m.setBooleanProperty("express", true);
            m.setJMSCorrelationID("corr-42");
            m.setJMSType("order.created");
            return m;
        });

        Message m = template.receive(queue);

        assertThat(m.getStringProperty("customer")).isEqualTo("acme");
        assertThat(m.getIntProperty("attempt")).isEqualTo(3);
        assertThat(m.getBooleanProperty("express")).isTrue();
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr-42");
        assertThat(m.getJMSType()).isEqualTo("order.created");
    }

    @Test
    void pubSubDomain() throws JMSException {
        template.setPubSubDomain(true);
        String topic = queue + ".eu";
        try (var connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer exact = session.createConsumer(session.createTopic(topic));
            MessageConsumer wildcard = session.createConsumer(session.createTopic(queue + ".*"));
            connection.start();

            template.convertAndSend(topic, "for every subscriber");

            assertThat(((TextMessage) exact.receive(5_000)).getText()).isEqualTo("for every subscriber");
            Message viaWildcard = wildcard.receive(5_000);
            assertThat(((TextMessage) viaWildcard).getText()).isEqualTo("for every subscriber");
            assertThat(viaWildcard.getJMSDestination()).isInstanceOf(Topic.class);
        }
        // a topic message nobody subscribes to is dropped, and the template's receive on a topic times out
        template.setReceiveTimeout(100);
        template.convertAndSend(topic, "nobody listens");
        assertThat(template.receive(topic)).isNull();
    }

    @Test
    void explicitQualityOfService() throws JMSException {
        template.setExplicitQosEnabled(true);
        template.setPriority(2);
        template.setDeliveryPersistent(false);
        template.setTimeToLive(60_000);
        long before = System.currentTimeMillis();
        template.convertAndSend(queue, "low");
        template.setPriority(8);
        template.setDeliveryMode(DeliveryMode.PERSISTENT);
        template.setTimeToLive(0);
        template.convertAndSend(queue, "high");

        Message first = template.receive(queue);
        Message second = template.receive(queue);

        assertThat(((TextMessage) first).getText()).isEqualTo("high");
        assertThat(first.getJMSPriority()).isEqualTo(8);
        assertThat(first.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(first.getJMSExpiration()).isZero();
        assertThat(((TextMessage) second).getText()).isEqualTo("low");
        assertThat(second.getJMSPriority()).isEqualTo(2);
        assertThat(second.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(second.getJMSExpiration()).isBetween(before + 60_000, System.currentTimeMillis() + 60_000);
    }

    @Test
    void expiredMessagesAreNotReceived() {
        template.setExplicitQosEnabled(true);
        template.setTimeToLive(1);
        template.convertAndSend(queue, "short-lived");
        template.setTimeToLive(0);
        template.convertAndSend(queue, "long-lived");

        await().atMost(Duration.ofSeconds(5)).until(() -> depth(queue) <= 1);
        assertThat(template.receiveAndConvert(queue)).isEqualTo("long-lived");
    }

    @Test
    void receiveTimeout() {
        template.setReceiveTimeout(150);
        long start = System.nanoTime();
        assertThat(template.receive(queue)).isNull();
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMs).isBetween(140L, 3_000L);

        template.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
        start = System.nanoTime();
        assertThat(template.receive(queue)).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);

        template.convertAndSend(queue, "ready");
        assertThat(template.receiveAndConvert(queue)).isEqualTo("ready");
    }

    @Test
    void deliveryDelay() throws JMSException {
        template.setDeliveryDelay(300);
        long sent = System.currentTimeMillis();
        template.convertAndSend(queue, "later");

        Message m = template.receive(queue);

        assertThat(((TextMessage) m).getText()).isEqualTo("later");
        assertThat(System.currentTimeMillis() - sent).as("not delivered before the delay").isGreaterThanOrEqualTo(300);
        assertThat(m.getJMSDeliveryTime()).isGreaterThanOrEqualTo(sent + 300);
    }

    @Test
    void clientAcknowledgedReceiveRemovesTheMessage() {
        template.setSessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE);
        template.convertAndSend(queue, "ack me");

        assertThat(template.receiveAndConvert(queue)).isEqualTo("ack me");

        template.setReceiveTimeout(100);
        assertThat(template.receive(queue)).isNull();
        assertThat(depth(queue)).isZero();
    }

    @Test
    void messagingTemplateMapsHeaders() {
        JmsMessagingTemplate messaging = new JmsMessagingTemplate(template);
        messaging.convertAndSend(queue, "with headers",
                Map.of("region", "eu", JmsHeaders.CORRELATION_ID, "c-7", JmsHeaders.TYPE, "note"));

        org.springframework.messaging.Message<?> m = messaging.receive(queue);

        assertThat(m).isNotNull();
        assertThat(m.getPayload()).isEqualTo("with headers");
        assertThat(m.getHeaders()).containsEntry("region", "eu")
                .containsEntry(JmsHeaders.CORRELATION_ID, "c-7")
                .containsEntry(JmsHeaders.TYPE, "note")
                .containsKey(JmsHeaders.MESSAGE_ID);
    }

    private void start(DefaultMessageListenerContainer container) {
        container.setReceiveTimeout(100); // shutdown waits for a receive in progress
        containers.add(container);
        container.afterPropertiesSet();
        container.start();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                TestBrokers.host(factory).hasQueue(container.getDestinationName())
                && TestBrokers.host(factory)
                        .queueDeclarePassive(null, container.getDestinationName()).consumerCount() > 0);
    }
}
