package io.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.listener.adapter.MessageListenerAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring's {@link CachingConnectionFactory} over Warren: one connection, cached sessions, producers and consumers. */
class CachingConnectionFactoryTest {
    private static final String BROKER = "spring-caching-factory";
    private static final int SESSION_CACHE_SIZE = 5;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WarrenConnectionFactory warren = new WarrenConnectionFactory(TestBrokers.url(BROKER));
    /** Counts what reaches the provider: the physical connections, sessions, producers and consumers. */
    private final CountingConnectionFactory physical = new CountingConnectionFactory(warren);
    private final CachingConnectionFactory caching = new CachingConnectionFactory(physical);
    private final BrokerProbe probe = new BrokerProbe(warren);
    private DefaultMessageListenerContainer container;
    private String queue;

    @BeforeEach
    void setUp(TestInfo info) {
        queue = "caching." + info.getTestMethod().orElseThrow().getName();
        caching.setSessionCacheSize(SESSION_CACHE_SIZE);
    }

    @AfterEach
    void tearDown() {
        if (container != null) {
            container.shutdown();
        }
        caching.destroy();
    }

    @AfterAll
    static void stopBroker() {
        TestBrokers.stop(BROKER);
    }

    @Test
    void thousandSendsReuseOneConnectionSessionAndProducer() {
        JmsTemplate template = new JmsTemplate(caching);

        for (int i = 0; i < 1_000; i++) {
            template.convertAndSend(queue, "m" + i);
        }

        assertThat(probe.messages(queue)).isEqualTo(1_000);
        assertThat(physical.connectionsCreated).hasValue(1);
        assertThat(physical.sessionsCreated.get()).isEqualTo(1);
        assertThat(physical.producersCreated.get()).isEqualTo(1);
        assertThat(physical.sessionsClosed).hasValue(0);
        template.setReceiveTimeout(5_000);
        assertThat(template.receiveAndConvert(queue)).isEqualTo("m0");
    }

    @Test
    void concurrentSendersStayWithinTheSessionCache() throws Exception {
        JmsTemplate template = new JmsTemplate(caching);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(senders.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        template.convertAndSend(queue, "t" + thread + "-" + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(probe.messages(queue)).isEqualTo(1_000);
        assertThat(physical.connectionsCreated).hasValue(1);
        assertThat(physical.sessionsCreated.get()).isBetween(1, SESSION_CACHE_SIZE);
        assertThat(physical.openSessions()).isBetween(1, SESSION_CACHE_SIZE);

        caching.destroy();
        assertThat(physical.openSessions()).isZero();
        assertThat(physical.openConnections()).isZero();
    }

    @Test
    void listenerContainerReusesTheCachedConsumer() {
        // DMLC without its own caching: each receive loop asks the CachingConnectionFactory for a session and
        // consumer, which hands back the same physical ones
        CountingConnectionFactory logical = new CountingConnectionFactory(caching);
        Set<String> got = ConcurrentHashMap.newKeySet();
        container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(logical);
        container.setDestinationName(queue);
        container.setCacheLevel(DefaultMessageListenerContainer.CACHE_NONE);
        container.setReceiveTimeout(10);
        container.setMessageListener((MessageListener) m -> got.add(text(m)));
        container.afterPropertiesSet();
        container.start();

        await().atMost(WAIT).until(() -> logical.consumersCreated.get() >= 50);
        // not through the same cache: a sender borrowing the container's cached session would make the
        // container open a second session with a second consumer
        JmsTemplate template = new JmsTemplate(warren);
        for (int i = 0; i < 20; i++) {
            template.convertAndSend(queue, "m" + i);
        }
        await().atMost(WAIT).until(() -> got.size() == 20);

        assertThat(physical.consumersCreated).hasValue(1);
        assertThat(physical.connectionsCreated).hasValue(1);
        assertThat(probe.consumers(queue)).isEqualTo(1);
        container.shutdown();
        caching.destroy();
        assertThat(physical.openConsumers()).isZero();
        await().atMost(WAIT).until(() -> probe.consumers(queue) == 0);
        assertThat(probe.messages(queue)).isZero();
    }

    @Test
    void resetConnectionOpensAFreshOne() {
        JmsTemplate template = new JmsTemplate(caching);
        template.setReceiveTimeout(5_000);
        template.convertAndSend(queue, "before reset");
        assertThat(physical.connectionsCreated).hasValue(1);

        caching.resetConnection();

        assertThat(physical.connectionsClosed).hasValue(1);
        assertThat(physical.openSessions()).isZero();
        template.convertAndSend(queue, "after reset");
        assertThat(physical.connectionsCreated).hasValue(2);
        assertThat(physical.openConnections()).isEqualTo(1);
        assertThat(template.receiveAndConvert(queue)).isEqualTo("before reset");
        assertThat(template.receiveAndConvert(queue)).isEqualTo("after reset");
    }

    @Test
    void transactedTemplateWithAJmsTransactionManager() throws JMSException {
        JmsTemplate template = new JmsTemplate(caching);
        template.setSessionTransacted(true);
        template.setReceiveTimeout(5_000);
        TransactionTemplate tx = new TransactionTemplate(new JmsTransactionManager(caching));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            template.convertAndSend(queue, "rolled back 1");
            template.convertAndSend(queue, "rolled back 2");
            throw new IllegalStateException("roll back (expected by the test)");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(probe.messages(queue)).isZero();

        tx.executeWithoutResult(status -> {
            template.convertAndSend(queue, "committed 1");
            template.convertAndSend(queue, "committed 2");
            assertThat(probe.messages(queue)).isZero(); // not visible before commit
        });
        assertThat(probe.messages(queue)).isEqualTo(2);

        // a receive inside a rolled-back transaction puts the message back, marked redelivered
        tx.executeWithoutResult(status -> {
            assertThat(template.receiveAndConvert(queue)).isEqualTo("committed 1");
            status.setRollbackOnly();
        });
        Message again = tx.execute(status -> template.receive(queue));
        assertThat(((TextMessage) again).getText()).isEqualTo("committed 1");
        assertThat(again.getJMSRedelivered()).isTrue();
        Object last = tx.execute(status -> template.receiveAndConvert(queue));
        assertThat(last).isEqualTo("committed 2");
        assertThat(probe.messages(queue)).isZero();
        // the transacted sessions came from the cache too
        assertThat(physical.connectionsCreated).hasValue(1);
        assertThat(physical.sessionsCreated.get()).isLessThanOrEqualTo(SESSION_CACHE_SIZE);
    }

    @Test
    void transactedTemplateWithoutATransactionManagerCommitsEachOperation() {
        JmsTemplate template = new JmsTemplate(caching);
        template.setSessionTransacted(true);
        template.setReceiveTimeout(5_000);
        AtomicInteger sends = new AtomicInteger();

        for (int i = 0; i < 10; i++) {
            template.convertAndSend(queue, "m" + i);
            sends.incrementAndGet();
            assertThat(probe.messages(queue)).isEqualTo(sends.get());
        }
        for (int i = 0; i < 10; i++) {
            assertThat(template.receiveAndConvert(queue)).isEqualTo("m" + i);
        }
        assertThat(probe.messages(queue)).isZero();
        assertThat(physical.sessionsCreated.get()).isEqualTo(1);
    }

    @Test
    void requestReplyOverTheSharedConnectionDeletesItsTemporaryQueues() throws JMSException {
        container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(warren);
        container.setDestinationName(queue);
        container.setReceiveTimeout(100);
        container.setMessageListener(new MessageListenerAdapter(new Object() {
            @SuppressWarnings("unused")
            public String handleMessage(String request) {
                return "re:" + request;
            }
        }));
        container.afterPropertiesSet();
        container.start();
        JmsTemplate template = new JmsTemplate(caching);
        template.setReceiveTimeout(5_000);

        for (int i = 0; i < 50; i++) {
            String request = "q" + i;
            Message reply = template.sendAndReceive(queue, s -> s.createTextMessage(request));
            assertThat(((TextMessage) reply).getText()).isEqualTo("re:" + request);
        }

        // JmsTemplate deletes each temporary queue; on a connection that stays open nothing else would
        assertThat(physical.connectionsCreated).hasValue(1);
        assertThat(probe.queueNames()).noneMatch(n -> n.startsWith("warren.temp-queue."));
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
