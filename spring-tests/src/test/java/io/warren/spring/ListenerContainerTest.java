package io.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.QueueInfo;
import io.warren.broker.VirtualHost;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.AbstractMessageListenerContainer;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.listener.SimpleMessageListenerContainer;

/** Spring's listener containers on Warren queues and topics, in every acknowledgement mode. */
class ListenerContainerTest {
    private static final String BROKER = "spring-listener-containers";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WarrenConnectionFactory factory = new WarrenConnectionFactory(TestBrokers.url(BROKER));
    private final JmsTemplate template = new JmsTemplate(factory);
    private final List<AbstractMessageListenerContainer> containers = new ArrayList<>();
    private String destination;

    @BeforeEach
    void setUp(TestInfo info) {
        destination = "containers." + info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void shutdownContainers() {
        containers.forEach(AbstractMessageListenerContainer::shutdown);
    }

    @AfterAll
    static void stopBroker() {
        TestBrokers.stop(BROKER);
    }

    private VirtualHost host() {
        return TestBrokers.host(factory);
    }

    private QueueInfo queue(String name) {
        return host().queueDeclarePassive(null, name);
    }

    private DefaultMessageListenerContainer dmlc(String dest, MessageListener listener) {
        DefaultMessageListenerContainer c = new DefaultMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.setDestinationName(dest);
        c.setMessageListener(listener);
        c.setReceiveTimeout(100);
        return c;
    }

    private <C extends AbstractMessageListenerContainer> C start(C container) {
        if (!containers.contains(container)) {
            containers.add(container);
            container.afterPropertiesSet();
        }
        container.start();
        return container;
    }

    /** Waits until {@code count} consumers are on the queue, so messages sent next are not missed or bunched. */
    private void awaitConsumers(String queueName, int count) {
        await().atMost(WAIT).until(() -> host().hasQueue(queueName) && queue(queueName).consumerCount() == count);
    }

    private void sendTexts(String dest, int count) {
        for (int i = 0; i < count; i++) {
            template.convertAndSend(dest, "m" + i);
        }
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(int count) {
        return IntStream.range(0, count).mapToObj(i -> "m" + i).toList();
    }

    // ---- acknowledgement modes ---------------------------------------------------------------------------

    @Test
    void autoAcknowledge() {
        List<String> got = new CopyOnWriteArrayList<>();
        DefaultMessageListenerContainer c = dmlc(destination, m -> got.add(text(m)));
        c.setSessionAcknowledgeMode(Session.AUTO_ACKNOWLEDGE);
        start(c);

        sendTexts(destination, 20);

        await().atMost(WAIT).until(() -> got.size() == 20);
        assertThat(got).containsExactlyElementsOf(texts(20));
        await().atMost(WAIT).until(() -> queue(destination).messageCount() == 0);
    }

    @Test
    void clientAcknowledgeAcknowledgesAfterTheListenerAndRecoversOnFailure() throws JMSException {
        List<String> got = new CopyOnWriteArrayList<>();
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        AtomicInteger m2Deliveries = new AtomicInteger();
        DefaultMessageListenerContainer c = dmlc(destination, m -> {
            try {
                redelivered.add(m.getJMSRedelivered());
                if (text(m).equals("m2") && m2Deliveries.getAndIncrement() == 0) {
                    throw new IllegalStateException("listener failure (expected by the test)");
                }
                got.add(text(m));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        c.setSessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE);
        start(c);

        sendTexts(destination, 5);

        await().atMost(WAIT).until(() -> got.size() == 5);
        assertThat(got).containsExactlyInAnyOrderElementsOf(texts(5));
        assertThat(m2Deliveries).hasValue(2);
        assertThat(redelivered).containsOnlyOnce(true);
        c.shutdown();
        // everything was acknowledged: nothing comes back once the consumer is gone
        await().atMost(WAIT).until(() -> queue(destination).consumerCount() == 0);
        assertThat(queue(destination).messageCount()).isZero();
    }

    @Test
    void transactedSessionRedeliversWhatTheListenerFailedOn() throws JMSException {
        List<String> got = new CopyOnWriteArrayList<>();
        List<String> attempts = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        DefaultMessageListenerContainer c = dmlc(destination, m -> {
            try {
                attempts.add(text(m) + (m.getJMSRedelivered() ? ":redelivered:" + m.getIntProperty("JMSXDeliveryCount")
                        : ""));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            if (text(m).equals("m1") && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("listener failure (expected by the test)");
            }
            got.add(text(m));
        });
        c.setSessionTransacted(true);
        start(c);

        sendTexts(destination, 3);

        await().atMost(WAIT).until(() -> got.size() == 3);
        assertThat(got).containsExactlyInAnyOrder("m0", "m1", "m2");
        assertThat(attempts).startsWith("m0", "m1").contains("m1:redelivered:2");
        assertThat(attempts).filteredOn(a -> a.startsWith("m1")).hasSize(2);
        c.shutdown();
        await().atMost(WAIT).until(() -> queue(destination).consumerCount() == 0);
        assertThat(queue(destination).messageCount()).isZero();
    }

    @Test
    void transactedListenerSendsInTheSameTransaction() {
        String out = destination + ".out";
        AtomicInteger calls = new AtomicInteger();
        DefaultMessageListenerContainer c = new DefaultMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.setDestinationName(destination);
        c.setReceiveTimeout(100);
        c.setSessionTransacted(true);
        c.setMessageListener((org.springframework.jms.listener.SessionAwareMessageListener<Message>) (m, session) -> {
            session.createProducer(session.createQueue(out)).send(session.createTextMessage("copy of " + text(m)));
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("roll back the copy too (expected by the test)");
            }
        });
        start(c);

        template.convertAndSend(destination, "m0");

        await().atMost(WAIT).until(() -> calls.get() == 2);
        template.setReceiveTimeout(5_000);
        assertThat(template.receiveAndConvert(out)).isEqualTo("copy of m0");
        template.setReceiveTimeout(100);
        assertThat(template.receive(out)).isNull();
    }

    // ---- concurrency -----------------------------------------------------------------------------------

    @Test
    void concurrentConsumersRunListenersInParallel() throws Exception {
        // prefetch 1: a consumer blocked in its listener holds one message, the broker gives the next to another
        WarrenConnectionFactory oneAtATime = new WarrenConnectionFactory(TestBrokers.url(BROKER, "prefetch=1"));
        CyclicBarrier allThree = new CyclicBarrier(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger barrierFailures = new AtomicInteger();
        DefaultMessageListenerContainer c = dmlc(destination, m -> {
            threads.add(Thread.currentThread().getName());
            if (text(m).startsWith("barrier")) {
                try {
                    allThree.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    barrierFailures.incrementAndGet();
                }
            }
            done.incrementAndGet();
        });
        c.setConnectionFactory(oneAtATime);
        c.setConcurrentConsumers(3);
        start(c);
        awaitConsumers(destination, 3);

        for (int i = 0; i < 3; i++) {
            template.convertAndSend(destination, "barrier" + i);
        }
        sendTexts(destination, 60);

        await().atMost(WAIT).until(() -> done.get() == 63);
        assertThat(barrierFailures).hasValue(0);
        assertThat(threads).hasSize(3);
        assertThat(c.getActiveConsumerCount()).isEqualTo(3);
    }

    @Test
    void concurrencyRangeWithDefaultPrefetchProcessesEverythingOnce() {
        Set<String> got = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        DefaultMessageListenerContainer c = dmlc(destination, m -> {
            got.add(text(m));
            calls.incrementAndGet();
        });
        c.setConcurrency("2-4");
        start(c);
        awaitConsumers(destination, 2);

        sendTexts(destination, 500);

        await().atMost(WAIT).until(() -> calls.get() >= 500);
        assertThat(got).hasSize(500);
        assertThat(calls).hasValue(500);
        await().atMost(WAIT).until(() -> queue(destination).messageCount() == 0);
    }

    // ---- topics ----------------------------------------------------------------------------------------

    @Test
    void durableSubscriptionKeepsMessagesWhileTheContainerIsStopped() {
        String clientId = "durable-client";
        String subscription = "audit";
        String subscriptionQueue = "jms.durable." + clientId + ":" + subscription;
        List<String> got = new CopyOnWriteArrayList<>();
        DefaultMessageListenerContainer c = dmlc(destination, m -> got.add(text(m)));
        c.setPubSubDomain(true);
        c.setSubscriptionDurable(true);
        c.setClientId(clientId);
        c.setSubscriptionName(subscription);
        start(c);
        awaitConsumers(subscriptionQueue, 1);
        template.setPubSubDomain(true);

        template.convertAndSend(destination, "while running");
        await().atMost(WAIT).until(() -> got.size() == 1);

        c.stop();
        template.convertAndSend(destination, "while stopped 1");
        template.convertAndSend(destination, "while stopped 2");
        assertThat(got).containsExactly("while running");

        c.start();
        await().atMost(WAIT).until(() -> got.size() == 3);
        assertThat(got).containsExactly("while running", "while stopped 1", "while stopped 2");

        // a full shutdown closes the consumer and the connection; the durable queue keeps collecting
        c.shutdown();
        await().atMost(WAIT).until(() -> queue(subscriptionQueue).consumerCount() == 0);
        template.convertAndSend(destination, "while shut down");
        await().atMost(WAIT).until(() -> queue(subscriptionQueue).messageCount() == 1);

        List<String> gotLater = new CopyOnWriteArrayList<>();
        DefaultMessageListenerContainer again = dmlc(destination, m -> gotLater.add(text(m)));
        again.setPubSubDomain(true);
        again.setSubscriptionDurable(true);
        again.setClientId(clientId);
        again.setSubscriptionName(subscription);
        start(again);
        await().atMost(WAIT).until(() -> gotLater.size() == 1);
        assertThat(gotLater).containsExactly("while shut down");
    }

    @Test
    void sharedSubscriptionSplitsMessagesBetweenContainers() {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        DefaultMessageListenerContainer a = sharedSubscriber(first);
        DefaultMessageListenerContainer b = sharedSubscriber(second);
        start(a);
        start(b);
        awaitConsumers("jms.shared.:billing", 2);
        template.setPubSubDomain(true);

        sendTexts(destination, 40);

        await().atMost(WAIT).until(() -> first.size() + second.size() == 40);
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).containsExactlyInAnyOrderElementsOf(texts(40));
    }

    @Test
    void sharedDurableSubscriptionSplitsMessagesAndOutlivesTheContainers() {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        DefaultMessageListenerContainer a = sharedSubscriber(first);
        DefaultMessageListenerContainer b = sharedSubscriber(second);
        for (DefaultMessageListenerContainer c : List.of(a, b)) {
            c.setSubscriptionDurable(true);
            c.setSubscriptionName("ledger");
        }
        start(a);
        start(b);
        awaitConsumers("jms.durable.:ledger", 2);
        template.setPubSubDomain(true);

        sendTexts(destination, 40);

        await().atMost(WAIT).until(() -> first.size() + second.size() == 40);
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
        a.shutdown();
        b.shutdown();
        template.convertAndSend(destination, "kept");
        assertThat(queue("jms.durable.:ledger").messageCount()).isEqualTo(1);
        assertThat(queue("jms.durable.:ledger").consumerCount()).isZero();
    }

    @Test
    void topicSubscriptionWithASelectorOnlyQueuesMatchingMessages() {
        List<String> got = new CopyOnWriteArrayList<>();
        DefaultMessageListenerContainer c = dmlc(destination, m -> got.add(text(m)));
        c.setPubSubDomain(true);
        c.setSubscriptionDurable(true);
        c.setClientId("selective-client");
        c.setSubscriptionName("eu-only");
        c.setMessageSelector("region = 'eu'");
        start(c);
        String subscriptionQueue = "jms.durable.selective-client:eu-only";
        awaitConsumers(subscriptionQueue, 1);
        c.stop();
        template.setPubSubDomain(true);

        for (String region : new String[] {"eu", "us", "eu", "apac"}) {
            template.convertAndSend(destination, region, m -> {
                m.setStringProperty("region", region);
                return m;
            });
        }

        // the selector sits on the binding: only the two matching messages entered the subscription queue
        await().atMost(WAIT).until(() -> queue(subscriptionQueue).messageCount() == 2);
        c.start();
        await().atMost(WAIT).until(() -> got.size() == 2);
        assertThat(got).containsExactly("eu", "eu");
    }

    private DefaultMessageListenerContainer sharedSubscriber(List<String> sink) {
        DefaultMessageListenerContainer c = dmlc(destination, m -> sink.add(text(m)));
        c.setPubSubDomain(true);
        c.setSubscriptionShared(true);
        c.setSubscriptionName("billing");
        return c;
    }

    // ---- SimpleMessageListenerContainer ----------------------------------------------------------------

    @Test
    void simpleMessageListenerContainer() {
        List<String> got = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SimpleMessageListenerContainer c = new SimpleMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.setDestinationName(destination);
        c.setConcurrentConsumers(2);
        c.setMessageListener((MessageListener) m -> {
            threads.add(Thread.currentThread().getName());
            got.add(text(m));
        });
        start(c);
        awaitConsumers(destination, 2);

        sendTexts(destination, 30);

        await().atMost(WAIT).until(() -> got.size() == 30);
        assertThat(got).containsExactlyInAnyOrderElementsOf(texts(30));
        c.shutdown();
        await().atMost(WAIT).until(() -> queue(destination).consumerCount() == 0);
        assertThat(queue(destination).messageCount()).isZero();
    }

    @Test
    void simpleMessageListenerContainerRecoversTheSessionOnFailure() {
        // SMLC registers its own MessageListener, which catches the application's exception: with AUTO_ACKNOWLEDGE
        // the message would be gone. With CLIENT_ACKNOWLEDGE Spring calls Session.recover() from within onMessage
        // and the provider redelivers, flagged as redelivered.
        List<String> got = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        SimpleMessageListenerContainer c = new SimpleMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.setDestinationName(destination);
        c.setSessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE);
        c.setMessageListener((MessageListener) m -> {
            try {
                if (text(m).equals("m1") && !m.getJMSRedelivered()) {
                    failures.incrementAndGet();
                    throw new IllegalStateException("listener failure (expected by the test)");
                }
                got.add(text(m) + (m.getJMSRedelivered() ? ":redelivered" : ""));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        start(c);
        awaitConsumers(destination, 1);

        sendTexts(destination, 3);

        await().atMost(WAIT).until(() -> got.size() == 3);
        assertThat(got).containsExactly("m0", "m1:redelivered", "m2");
        assertThat(failures).hasValue(1);
        c.shutdown();
        await().atMost(WAIT).until(() -> queue(destination).consumerCount() == 0);
        assertThat(queue(destination).messageCount()).isZero();
    }

    @Test
    void simpleMessageListenerContainerOnATopic() {
        List<String> got = new CopyOnWriteArrayList<>();
        SimpleMessageListenerContainer c = new SimpleMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.setDestinationName(destination + ".#");
        c.setPubSubDomain(true);
        c.setMessageListener((MessageListener) m -> got.add(text(m)));
        start(c);
        BrokerProbe probe = new BrokerProbe(factory);
        await().atMost(WAIT).until(() -> probe.subscriberQueues().stream().anyMatch(n -> probe.consumers(n) == 1));
        template.setPubSubDomain(true);

        template.convertAndSend(destination + ".a", "one");
        template.convertAndSend(destination + ".a.b", "two");

        await().atMost(WAIT).until(() -> got.size() == 2);
        assertThat(got).containsExactly("one", "two");
    }
}
