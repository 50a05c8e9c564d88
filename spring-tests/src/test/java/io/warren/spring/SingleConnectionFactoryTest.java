package io.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/** Spring's {@link SingleConnectionFactory}: every user shares one Warren connection, with one client ID. */
class SingleConnectionFactoryTest {
    private static final String BROKER = "spring-single-connection";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WarrenConnectionFactory warren = new WarrenConnectionFactory(TestBrokers.url(BROKER));
    private final CountingConnectionFactory physical = new CountingConnectionFactory(warren);
    private final SingleConnectionFactory single = new SingleConnectionFactory(physical);
    private final BrokerProbe probe = new BrokerProbe(warren);
    private DefaultMessageListenerContainer container;

    @AfterEach
    void tearDown() {
        if (container != null) {
            container.shutdown();
        }
        single.destroy();
    }

    @AfterAll
    static void stopBroker() {
        TestBrokers.stop(BROKER);
    }

    @Test
    void templateAndContainerShareOneConnection() {
        List<String> got = new CopyOnWriteArrayList<>();
        container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(single);
        container.setDestinationName("single.queue");
        container.setReceiveTimeout(100);
        container.setMessageListener((MessageListener) m -> got.add(text(m)));
        container.afterPropertiesSet();
        container.start();
        JmsTemplate template = new JmsTemplate(single);

        for (int i = 0; i < 10; i++) {
            template.convertAndSend("single.queue", "m" + i);
        }

        await().atMost(WAIT).until(() -> got.size() == 10);
        assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(physical.connectionsCreated).hasValue(1);
        assertThat(physical.connectionsClosed).hasValue(0);

        container.shutdown();
        single.destroy();
        assertThat(physical.connectionsClosed).hasValue(1);
        await().atMost(WAIT).until(() -> probe.consumers("single.queue") == 0);
    }

    @Test
    void clientIdOnTheSharedConnectionForADurableSubscription() {
        single.setClientId("single-client");
        List<String> got = new CopyOnWriteArrayList<>();
        container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(single);
        container.setDestinationName("single.topic");
        container.setPubSubDomain(true);
        container.setSubscriptionDurable(true);
        container.setSubscriptionName("history");
        container.setReceiveTimeout(100);
        container.setMessageListener((MessageListener) m -> got.add(text(m)));
        container.afterPropertiesSet();
        container.start();
        String subscriptionQueue = "jms.durable.single-client:history";
        await().atMost(WAIT).until(() -> probe.consumers(subscriptionQueue) == 1);

        JmsTemplate template = new JmsTemplate(single);
        template.setPubSubDomain(true);
        template.convertAndSend("single.topic", "remembered");

        await().atMost(WAIT).until(() -> got.size() == 1);
        assertThat(got).containsExactly("remembered");
        assertThat(physical.connectionsCreated).hasValue(1);

        // the template's connection is the container's: the client ID is in use once, not twice
        container.shutdown();
        single.destroy();
        await().atMost(WAIT).until(() -> probe.consumers(subscriptionQueue) == 0);
        assertThat(probe.exists(subscriptionQueue)).isTrue();
    }

    private static String text(jakarta.jms.Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
