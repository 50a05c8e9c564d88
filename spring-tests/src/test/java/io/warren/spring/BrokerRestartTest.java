package io.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * Spring's recovery when the embedded broker is stopped and started again: it relies on the provider failing
 * the old connection (a {@link JMSException} from its operations and a call of its ExceptionListener).
 */
class BrokerRestartTest {
    private static final String BROKER = "spring-broker-restart";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WarrenConnectionFactory factory = new WarrenConnectionFactory(TestBrokers.url(BROKER));
    private DefaultMessageListenerContainer container;
    private CachingConnectionFactory caching;

    @AfterEach
    void tearDown() {
        if (container != null) {
            container.shutdown();
        }
        if (caching != null) {
            caching.destroy();
        }
        TestBrokers.stop(BROKER);
    }

    @Test
    void stoppingTheBrokerFailsItsConnections() throws JMSException {
        AtomicReference<JMSException> reported = new AtomicReference<>();
        try (Connection connection = factory.createConnection()) {
            connection.setExceptionListener(reported::set);
            connection.start();

            TestBrokers.stop(BROKER);

            await().atMost(WAIT).until(() -> reported.get() != null);
        }
    }

    @Test
    void listenerContainerReconnectsToTheRestartedBroker() {
        List<String> got = new CopyOnWriteArrayList<>();
        container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(factory);
        container.setDestinationName("restart.queue");
        container.setReceiveTimeout(100);
        container.setRecoveryInterval(100);
        container.setMessageListener((MessageListener) m -> got.add(text(m)));
        container.afterPropertiesSet();
        container.start();
        JmsTemplate template = new JmsTemplate(factory);
        template.convertAndSend("restart.queue", "before");
        await().atMost(WAIT).until(() -> got.size() == 1);

        TestBrokers.restart(BROKER);
        template.convertAndSend("restart.queue", "after"); // in-JVM: starts the broker again

        await().atMost(WAIT).until(() -> got.size() == 2);
        assertThat(got).containsExactly("before", "after");
    }

    @Test
    void cachingConnectionFactoryReconnectsOnException() {
        caching = new CachingConnectionFactory(factory);
        caching.setReconnectOnException(true);
        JmsTemplate template = new JmsTemplate(caching);
        template.convertAndSend("restart.cached", "before");

        // The broker tells the cached connection's exception listener at once, so the factory has already
        // reset it: this send reconnects and starts the broker again.
        TestBrokers.restart(BROKER);
        template.convertAndSend("restart.cached", "after");

        BrokerProbe probe = new BrokerProbe(factory);
        await().atMost(WAIT).until(() -> probe.messages("restart.cached") >= 1);
        template.setReceiveTimeout(5_000);
        assertThat(template.receiveAndConvert("restart.cached")).isEqualTo("after");
    }

    private static String text(jakarta.jms.Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
