package io.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jms.annotation.EnableJms;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.springframework.jms.config.JmsListenerEndpointRegistry;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;

/** Annotation-driven listeners ({@code @EnableJms}, {@code @JmsListener}) in a plain Spring context. */
class EnableJmsTest {
    static final String BROKER = "spring-enable-jms";
    static final String CLIENT_ID = "enable-jms-app";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static AnnotationConfigApplicationContext context;
    private static JmsTemplate template;
    private static Listeners listeners;
    private static BrokerProbe probe;

    @Configuration
    @EnableJms
    static class Config {
        @Bean
        WarrenConnectionFactory warrenConnectionFactory() {
            return new WarrenConnectionFactory(TestBrokers.url(BROKER, "trustedPackages=io.warren.spring"));
        }

        /** Senders share one connection and reuse sessions and producers. */
        @Bean
        @Primary
        CachingConnectionFactory connectionFactory(WarrenConnectionFactory warren) {
            CachingConnectionFactory caching = new CachingConnectionFactory(warren);
            caching.setSessionCacheSize(10);
            return caching;
        }

        @Bean
        JmsTemplate jmsTemplate(CachingConnectionFactory connectionFactory) {
            JmsTemplate t = new JmsTemplate(connectionFactory);
            t.setReceiveTimeout(5_000);
            return t;
        }

        /** The factory {@code @JmsListener} uses by default; containers cache their own connection and consumer. */
        @Bean
        DefaultJmsListenerContainerFactory jmsListenerContainerFactory(WarrenConnectionFactory warren) {
            DefaultJmsListenerContainerFactory f = new DefaultJmsListenerContainerFactory();
            f.setConnectionFactory(warren);
            f.setSessionTransacted(true);
            f.setConcurrency("1-3");
            f.setReceiveTimeout(100L);
            return f;
        }

        @Bean
        DefaultJmsListenerContainerFactory topicListenerFactory(WarrenConnectionFactory warren) {
            DefaultJmsListenerContainerFactory f = new DefaultJmsListenerContainerFactory();
            f.setConnectionFactory(warren);
            f.setPubSubDomain(true);
            f.setReceiveTimeout(100L);
            return f;
        }

        @Bean
        DefaultJmsListenerContainerFactory durableTopicFactory(WarrenConnectionFactory warren) {
            DefaultJmsListenerContainerFactory f = new DefaultJmsListenerContainerFactory();
            f.setConnectionFactory(warren);
            f.setPubSubDomain(true);
            f.setSubscriptionDurable(true);
            f.setClientId(CLIENT_ID);
            f.setReceiveTimeout(100L);
            return f;
        }

        @Bean
        DefaultJmsListenerContainerFactory sharedTopicFactory(WarrenConnectionFactory warren) {
            DefaultJmsListenerContainerFactory f = new DefaultJmsListenerContainerFactory();
            f.setConnectionFactory(warren);
            f.setPubSubDomain(true);
            f.setSubscriptionShared(true);
            f.setSubscriptionDurable(true);
            f.setReceiveTimeout(100L);
            return f;
        }

        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    static class Listeners {
        final List<String> orders = new CopyOnWriteArrayList<>();
        final List<String> urgent = new CopyOnWriteArrayList<>();
        final List<String> news = new CopyOnWriteArrayList<>();
        final List<Order> objects = new CopyOnWriteArrayList<>();
        final List<String> audit = new CopyOnWriteArrayList<>();
        final List<String> ledger = new CopyOnWriteArrayList<>();

        @JmsListener(destination = "orders")
        void onOrder(String body, @Header("customer") String customer) {
            orders.add(customer + ":" + body);
        }

        @JmsListener(destination = "orders.priority", selector = "priority = 'high'")
        void onUrgentOrder(String body) {
            urgent.add(body);
        }

        @JmsListener(id = "news", destination = "news.#", containerFactory = "topicListenerFactory")
        void onNews(String headline) {
            news.add(headline);
        }

        @JmsListener(destination = "orders.objects")
        void onOrderObject(Order order) {
            objects.add(order);
        }

        @JmsListener(destination = "invoices.#", containerFactory = "durableTopicFactory", subscription = "audit")
        void audit(String invoice) {
            audit.add(invoice);
        }

        @JmsListener(destination = "invoices.#", containerFactory = "sharedTopicFactory", subscription = "ledger",
                concurrency = "2-2")
        void ledger(String invoice) {
            ledger.add(invoice);
        }

        /** Answers to the request's JMSReplyTo, or to {@code quotes.answers} when it has none. */
        @JmsListener(destination = "quotes")
        @SendTo("quotes.answers")
        String quote(String product) {
            return product + " costs " + product.length();
        }
    }

    @BeforeAll
    static void startContext() {
        context = new AnnotationConfigApplicationContext(Config.class);
        template = context.getBean(JmsTemplate.class);
        listeners = context.getBean(Listeners.class);
        probe = new BrokerProbe(context.getBean(WarrenConnectionFactory.class));
    }

    @AfterAll
    static void stopContext() {
        if (context != null) {
            context.close();
        }
        TestBrokers.stop(BROKER);
    }

    @Test
    void listenerContainersAreRunning() {
        JmsListenerEndpointRegistry registry = context.getBean(JmsListenerEndpointRegistry.class);
        assertThat(registry.getListenerContainers()).hasSize(7).allMatch(c -> c.isRunning());
        await().atMost(WAIT).until(() -> probe.consumers("orders") >= 1);
    }

    @Test
    void listenerReceivesMessagesWithTheirHeaders() {
        for (int i = 1; i <= 3; i++) {
            template.convertAndSend("orders", "order-" + i, m -> {
                m.setStringProperty("customer", "acme");
                return m;
            });
        }

        await().atMost(WAIT).until(() -> listeners.orders.size() == 3);
        assertThat(listeners.orders).containsExactlyInAnyOrder("acme:order-1", "acme:order-2", "acme:order-3");
    }

    @Test
    void selectorListenerOnlyGetsMatchingMessages() {
        template.convertAndSend("orders.priority", "routine", m -> {
            m.setStringProperty("priority", "low");
            return m;
        });
        template.convertAndSend("orders.priority", "rush", m -> {
            m.setStringProperty("priority", "high");
            return m;
        });

        await().atMost(WAIT).until(() -> listeners.urgent.size() == 1);
        assertThat(listeners.urgent).containsExactly("rush");
        // the non-matching message stays on the queue for someone else
        assertThat(probe.messages("orders.priority")).isEqualTo(1);
        template.setReceiveTimeout(5_000);
        assertThat(template.receiveSelectedAndConvert("orders.priority", "priority = 'low'")).isEqualTo("routine");
    }

    @Test
    void topicListenerThroughAPubSubContainerFactory() {
        await().atMost(WAIT).until(() -> probe.subscriberQueues().stream().anyMatch(q -> probe.consumers(q) == 1));
        JmsTemplate topics = new JmsTemplate(context.getBean(CachingConnectionFactory.class));
        topics.setPubSubDomain(true);

        topics.convertAndSend("news.eu", "eu headline");
        topics.convertAndSend("news.us.east", "us headline");
        topics.convertAndSend("sports.eu", "not news");

        await().atMost(WAIT).until(() -> listeners.news.size() == 2);
        assertThat(listeners.news).containsExactly("eu headline", "us headline");
    }

    @Test
    void durableAndSharedDurableSubscriptionsFromTheListenerAnnotation() {
        String durable = "jms.durable." + CLIENT_ID + ":audit";
        String sharedDurable = "jms.durable.:ledger";
        await().atMost(WAIT).until(() -> probe.consumers(durable) == 1 && probe.consumers(sharedDurable) == 2);
        JmsTemplate topics = new JmsTemplate(context.getBean(CachingConnectionFactory.class));
        topics.setPubSubDomain(true);

        for (int i = 0; i < 10; i++) {
            topics.convertAndSend("invoices.eu", "invoice-" + i);
        }

        await().atMost(WAIT).until(() -> listeners.audit.size() == 10 && listeners.ledger.size() == 10);
        assertThat(listeners.audit).containsExactlyElementsOf(listeners.audit.stream().sorted().toList());
        assertThat(listeners.ledger).containsExactlyInAnyOrderElementsOf(listeners.audit);
    }

    @Test
    void serializablePayloadFromATrustedPackage() {
        Order order = new Order("o-9", "radish", 4, new BigDecimal("0.99"));

        template.convertAndSend("orders.objects", order);

        await().atMost(WAIT).until(() -> listeners.objects.size() == 1);
        assertThat(listeners.objects).containsExactly(order);
    }

    @Test
    void listenerRepliesToReplyToOrToSendTo() throws Exception {
        Message reply = template.sendAndReceive("quotes", s -> s.createTextMessage("carrot"));
        assertThat(((TextMessage) reply).getText()).isEqualTo("carrot costs 6");

        template.convertAndSend("quotes", "kale");
        assertThat(template.receiveAndConvert("quotes.answers")).isEqualTo("kale costs 4");
    }
}
