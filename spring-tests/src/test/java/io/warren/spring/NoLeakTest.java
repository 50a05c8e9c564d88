package io.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * The polling loop of {@link DefaultMessageListenerContainer}: with {@code CACHE_NONE} every
 * {@code receive(timeout)} runs on a freshly created connection, session and consumer that are closed again.
 * Hundreds of such cycles must leave nothing behind on the broker: no subscription queues, no consumers.
 */
class NoLeakTest {
    private static final String BROKER = "spring-no-leak";
    private static final int CYCLES = 200;
    private static final long RECEIVE_TIMEOUT_MS = 10;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WarrenConnectionFactory factory = new WarrenConnectionFactory(TestBrokers.url(BROKER));
    private final CountingConnectionFactory counting = new CountingConnectionFactory(factory);
    private final BrokerProbe probe = new BrokerProbe(factory);
    private DefaultMessageListenerContainer container;

    @AfterEach
    void shutdown() {
        if (container != null) {
            container.shutdown();
        }
    }

    @AfterAll
    static void stopBroker() {
        TestBrokers.stop(BROKER);
    }

    private DefaultMessageListenerContainer container(String destination, boolean topic, int cacheLevel,
                                                      AtomicInteger received) {
        DefaultMessageListenerContainer c = new DefaultMessageListenerContainer();
        c.setConnectionFactory(counting);
        c.setDestinationName(destination);
        c.setPubSubDomain(topic);
        c.setCacheLevel(cacheLevel);
        c.setReceiveTimeout(RECEIVE_TIMEOUT_MS);
        c.setMessageListener((jakarta.jms.MessageListener) m -> received.incrementAndGet());
        container = c;
        return c;
    }

    @Test
    void topicReceiveLoopWithoutCachingLeavesNoQueuesOrConsumers() {
        Set<String> before = probe.queueNames();
        Set<String> subscriberQueuesSeen = ConcurrentHashMap.newKeySet();
        AtomicInteger mostQueuesAtOnce = new AtomicInteger();
        AtomicInteger mostConsumersAtOnce = new AtomicInteger();
        DefaultMessageListenerContainer c = container("noleak.topic", true,
                DefaultMessageListenerContainer.CACHE_NONE, new AtomicInteger());
        c.afterPropertiesSet();
        c.start();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> {
            Set<String> now = probe.subscriberQueues();
            subscriberQueuesSeen.addAll(now);
            mostQueuesAtOnce.accumulateAndGet(probe.queueNames().size() - before.size(), Math::max);
            mostConsumersAtOnce.accumulateAndGet(probe.totalConsumers(), Math::max);
            return counting.consumersCreated.get() >= CYCLES;
        });

        // each cycle had its own subscription queue, and only the current one ever existed
        assertThat(subscriberQueuesSeen).hasSizeGreaterThan(1);
        assertThat(mostQueuesAtOnce.get()).isLessThanOrEqualTo(1);
        assertThat(mostConsumersAtOnce.get()).isLessThanOrEqualTo(1);
        assertThat(counting.openConsumers()).isLessThanOrEqualTo(1);
        assertThat(counting.openConnections()).isLessThanOrEqualTo(1);

        c.stop();
        await().atMost(WAIT).until(() -> probe.totalConsumers() == 0 && counting.openConsumers() == 0);
        await().atMost(WAIT).until(() -> probe.queueNames().equals(before));
        c.shutdown();
        assertThat(counting.openConsumers()).isZero();
        assertThat(counting.openSessions()).isZero();
        assertThat(counting.openConnections()).isZero();
        assertThat(probe.queueNames()).isEqualTo(before);
    }

    @Test
    void topicReceiveLoopWithACachedConsumerKeepsOneSubscription() {
        Set<String> before = probe.queueNames();
        AtomicInteger received = new AtomicInteger();
        DefaultMessageListenerContainer c = container("noleak.cached.topic", true,
                DefaultMessageListenerContainer.CACHE_CONSUMER, received);
        c.afterPropertiesSet();
        c.start();
        await().atMost(WAIT).until(() -> probe.subscriberQueues().size() == 1);
        String subscription = probe.subscriberQueues().iterator().next();

        await().atMost(WAIT).until(() -> counting.receives.get() >= CYCLES / 2);

        assertThat(counting.consumersCreated).hasValue(1);
        assertThat(probe.subscriberQueues()).containsExactly(subscription);
        assertThat(probe.consumers(subscription)).isEqualTo(1);
        // the long-lived subscription still works after all those empty receives
        JmsTemplate template = new JmsTemplate(factory);
        template.setPubSubDomain(true);
        template.convertAndSend("noleak.cached.topic", "still there");
        await().atMost(WAIT).until(() -> received.get() == 1);

        c.shutdown();
        await().atMost(WAIT).until(() -> probe.queueNames().equals(before));
        assertThat(counting.openConsumers()).isZero();
        assertThat(counting.openConnections()).isZero();
    }

    @Test
    void queueReceiveLoopWithoutCachingReturnsConsumerCountToZero() {
        String queue = "noleak.queue";
        AtomicInteger received = new AtomicInteger();
        AtomicInteger mostConsumersAtOnce = new AtomicInteger();
        JmsTemplate template = new JmsTemplate(factory);
        DefaultMessageListenerContainer c = container(queue, false, DefaultMessageListenerContainer.CACHE_NONE,
                received);
        c.afterPropertiesSet();
        c.start();
        await().atMost(WAIT).until(() -> probe.exists(queue));
        Set<String> before = probe.queueNames();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> {
            mostConsumersAtOnce.accumulateAndGet(probe.consumers(queue), Math::max);
            if (counting.consumersCreated.get() % 20 == 0 && received.get() < 10) {
                template.convertAndSend(queue, "work");
            }
            return counting.consumersCreated.get() >= CYCLES && received.get() >= 10;
        });

        assertThat(mostConsumersAtOnce.get()).isLessThanOrEqualTo(1);
        assertThat(probe.queueNames()).isEqualTo(before);
        c.stop();
        await().atMost(WAIT).until(() -> probe.consumers(queue) == 0 && counting.openConsumers() == 0);
        c.shutdown();
        assertThat(probe.consumers(queue)).isZero();
        assertThat(counting.openSessions()).isZero();
        assertThat(counting.openConnections()).isZero();
        assertThat(probe.messages(queue)).isZero();
    }
}
