package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many sessions producing and consuming at once: nothing lost, nothing duplicated, per-producer order kept. */
class ConcurrencyTest extends JmsTestSupport {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int PER_PRODUCER = 5_000;
    private static final int TOTAL = PRODUCERS * PER_PRODUCER;
    private static final long DEADLINE_MS = 60_000;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A producer's messages: property "producer" and a sequence number "seq". */
    private Callable<Void> producer(Connection c, Destination d, int id, int count, boolean transacted,
                                    int commitEvery, CountDownLatch start) {
        return () -> {
            Session s = transacted ? c.createSession(true, Session.SESSION_TRANSACTED) : c.createSession();
            MessageProducer p = s.createProducer(d);
            p.setDeliveryMode(id % 2 == 0 ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            start.await();
            for (int i = 0; i < count; i++) {
                Message m = s.createTextMessage(id + ":" + i);
                m.setIntProperty("producer", id);
                m.setIntProperty("seq", i);
                p.send(m);
                if (transacted && (i + 1) % commitEvery == 0) {
                    s.commit();
                }
            }
            if (transacted) {
                s.commit();
            }
            s.close();
            return null;
        };
    }

    private static String key(Message m) throws JMSException {
        return m.getIntProperty("producer") + ":" + m.getIntProperty("seq");
    }

    @Test
    void autoAcknowledgeProducersAndConsumersOnOneQueueLoseAndDuplicateNothing() throws Exception {
        Connection producers = startedConnection();
        Connection consumers = startedConnection();
        Queue q = producers.createSession().createQueue(unique("concurrent-auto"));
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger outOfOrder = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);

        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < CONSUMERS; i++) {
            Session s = consumers.createSession();
            MessageConsumer consumer = s.createConsumer(q);
            futures.add(pool.submit(() -> {
                Map<Integer, Integer> lastSeq = new HashMap<>();
                long deadline = System.currentTimeMillis() + DEADLINE_MS;
                while (total.get() < TOTAL && System.currentTimeMillis() < deadline) {
                    Message m = consumer.receive(100);
                    if (m == null) {
                        continue;
                    }
                    total.incrementAndGet();
                    if (!received.add(key(m))) {
                        duplicates.incrementAndGet();
                    }
                    int producer = m.getIntProperty("producer");
                    int seq = m.getIntProperty("seq");
                    if (lastSeq.getOrDefault(producer, -1) >= seq) {
                        outOfOrder.incrementAndGet();
                    }
                    lastSeq.put(producer, seq);
                }
                return null;
            }));
        }
        for (int i = 0; i < PRODUCERS; i++) {
            futures.add(pool.submit(producer(producers, q, i, PER_PRODUCER, false, 0, start)));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(DEADLINE_MS + 10_000, TimeUnit.MILLISECONDS);
        }
        assertThat(duplicates).hasValue(0);
        assertThat(outOfOrder).hasValue(0);
        assertThat(received).hasSize(TOTAL);
        consumers.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void transactedProducersAndConsumersWithRollbacksLoseAndDuplicateNothing() throws Exception {
        Connection producers = startedConnection();
        Connection consumers = startedConnection();
        Queue q = producers.createSession().createQueue(unique("concurrent-tx"));
        Set<String> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger rollbacks = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        int commitEvery = 50;

        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < CONSUMERS; i++) {
            Session s = consumers.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = s.createConsumer(q);
            int consumerId = i;
            futures.add(pool.submit(() -> {
                List<String> batch = new ArrayList<>();
                int batches = 0;
                long deadline = System.currentTimeMillis() + DEADLINE_MS;
                while (committed.size() < TOTAL && System.currentTimeMillis() < deadline) {
                    Message m = consumer.receive(50);
                    if (m != null) {
                        batch.add(key(m));
                    }
                    if (batch.size() == commitEvery || (m == null && !batch.isEmpty())) {
                        // every seventh batch of each consumer is rolled back and must come again
                        if (++batches % 7 == consumerId) {
                            s.rollback();
                            rollbacks.incrementAndGet();
                        } else {
                            s.commit();
                            for (String k : batch) {
                                if (!committed.add(k)) {
                                    duplicates.incrementAndGet();
                                }
                            }
                        }
                        batch.clear();
                    }
                }
                return null;
            }));
        }
        for (int i = 0; i < PRODUCERS; i++) {
            futures.add(pool.submit(producer(producers, q, i, PER_PRODUCER, true, commitEvery, start)));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(DEADLINE_MS + 10_000, TimeUnit.MILLISECONDS);
        }
        assertThat(duplicates).hasValue(0);
        assertThat(committed).hasSize(TOTAL);
        assertThat(rollbacks.get()).isPositive();
        consumers.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void racingSubscribersOfOneUnsharedDurableSubscriptionGetOneActiveConsumer() throws Exception {
        Connection c = connection(factoryWithClientId("racing"));
        Topic t = c.createSession().createTopic(unique("racing"));
        int racers = 8;
        for (int round = 0; round < 20; round++) {
            String name = "sub-" + round;
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                sessions.add(c.createSession());
            }
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger won = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (Session s : sessions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        s.createDurableConsumer(t, name);
                        won.incrementAndGet();
                    } catch (JMSException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(won).as("round %d", round).hasValue(1);
            assertThat(refused).hasValue(racers - 1);
            for (Session s : sessions) {
                s.close();
            }
        }
    }

    @Test
    void concurrentPublishersReachEverySubscriberCompletelyAndInOrder() throws Exception {
        int publishers = 4;
        int perPublisher = 2_000;
        int subscribers = 3;
        Connection pubConnection = startedConnection();
        Topic t = pubConnection.createSession().createTopic(unique("concurrent-topic"));
        List<Map<Integer, Integer>> lastSeqs = new ArrayList<>();
        List<AtomicInteger> counts = new ArrayList<>();
        AtomicInteger problems = new AtomicInteger();
        for (int i = 0; i < subscribers; i++) {
            Map<Integer, Integer> lastSeq = new ConcurrentHashMap<>();
            AtomicInteger count = new AtomicInteger();
            lastSeqs.add(lastSeq);
            counts.add(count);
            Connection c = startedConnection();
            c.createSession().createConsumer(t).setMessageListener(m -> {
                try {
                    int producer = m.getIntProperty("producer");
                    int seq = m.getIntProperty("seq");
                    if (lastSeq.getOrDefault(producer, -1) != seq - 1) {
                        problems.incrementAndGet();
                    }
                    lastSeq.put(producer, seq);
                    count.incrementAndGet();
                } catch (JMSException e) {
                    problems.incrementAndGet();
                }
            });
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < publishers; i++) {
            futures.add(pool.submit(producer(pubConnection, t, i, perPublisher, false, 0, start)));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> counts.stream().allMatch(c -> c.get() >= publishers * perPublisher));
        assertThat(problems).hasValue(0);
        assertThat(counts).allSatisfy(c -> assertThat(c.get()).isEqualTo(publishers * perPublisher));
    }
}
