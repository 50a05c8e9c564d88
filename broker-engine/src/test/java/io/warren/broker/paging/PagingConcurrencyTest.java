package io.warren.broker.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.queue.QueueStatistics;
import io.warren.message.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PagingConcurrencyTest {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 3;
    private static final int PER_PRODUCER = 5000;

    @Test
    void everyMessageArrivesOnceAndInOrderPerProducerWhileTheQueuePagesAndDrains() throws Exception {
        try (Broker broker = Broker.start(BrokerConfig.builder("paging-threads").jmx(false)
                .queuePagingThreshold(32 * 1024).pagingReadAhead(32).pageFileSize(64 * 1024).build())) {
            Channel admin = broker.defaultVirtualHost().connect("admin").createChannel();
            admin.queueDeclare("work", true, false, false, Map.of());
            ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
            List<Future<?>> sent = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                sent.add(producers.submit(() -> {
                    Channel ch = broker.defaultVirtualHost().connect("p" + producer).createChannel();
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        ch.publish("", "work", Message.builder().header("p", producer).header("i", i)
                                .body(new byte[64]).build()).join();
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> stats(broker).paged() > 0);

            Map<String, Boolean> seen = new ConcurrentHashMap<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            AtomicInteger received = new AtomicInteger();
            ExecutorService consumers = Executors.newFixedThreadPool(CONSUMERS);
            for (int c = 0; c < CONSUMERS; c++) {
                Channel ch = broker.defaultVirtualHost().connect("c" + c).createChannel();
                // The engine delivers under the queue's lock: settle on a thread of our own.
                java.util.concurrent.BlockingQueue<io.warren.broker.Delivery> inbox =
                        new java.util.concurrent.LinkedBlockingQueue<>();
                ch.consume("work", ConsumeOptions.prefetch(10), inbox::add);
                consumers.submit(() -> {
                    int[] last = new int[PRODUCERS];
                    java.util.Arrays.fill(last, -1);
                    while (received.get() < PRODUCERS * PER_PRODUCER) {
                        io.warren.broker.Delivery d = inbox.poll(100, TimeUnit.MILLISECONDS);
                        if (d == null) {
                            continue;
                        }
                        int p = ((Number) d.message().header("p")).intValue();
                        int i = ((Number) d.message().header("i")).intValue();
                        if (i <= last[p]) {
                            errors.add("consumer saw " + p + "/" + i + " after " + p + "/" + last[p]);
                        }
                        last[p] = i;
                        if (seen.put(p + "/" + i, true) != null) {
                            errors.add("duplicate " + p + "/" + i);
                        }
                        received.incrementAndGet();
                        ch.ack(d.deliveryTag(), false);
                    }
                    return null;
                });
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            producers.shutdown();
            consumers.shutdown();
            await().atMost(Duration.ofSeconds(60)).until(() -> received.get() >= PRODUCERS * PER_PRODUCER);

            assertThat(errors).isEmpty();
            assertThat(seen).hasSize(PRODUCERS * PER_PRODUCER);
            await().atMost(Duration.ofSeconds(10)).until(() -> stats(broker).unacknowledged() == 0);
            assertThat(stats(broker).ready()).isZero();
            assertThat(stats(broker).paged()).isZero();
            assertThat(broker.pageStore().diskBytes()).isZero();
            assertThat(broker.memory().used()).isZero();
        }
    }

    @Test
    void selectorConsumersRequeuesAndPrioritiesOnAPagedQueueLoseAndDuplicateNothing() throws Exception {
        try (Broker broker = Broker.start(BrokerConfig.builder("paging-mixed").jmx(false)
                .queuePagingThreshold(8 * 1024).pagingReadAhead(16).pageFileSize(32 * 1024).build())) {
            Channel admin = broker.defaultVirtualHost().connect("admin").createChannel();
            admin.queueDeclare("work", true, false, false, Map.of("x-max-priority", 4));
            int total = PRODUCERS * 2000;
            Map<String, Boolean> acked = new ConcurrentHashMap<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            AtomicInteger done = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS + 3);
            String[] selectors = {null, null, "p = 0 OR i > 1500"};
            for (int c = 0; c < selectors.length; c++) {
                Channel ch = broker.defaultVirtualHost().connect("c" + c).createChannel();
                java.util.concurrent.BlockingQueue<io.warren.broker.Delivery> inbox =
                        new java.util.concurrent.LinkedBlockingQueue<>();
                ch.consume("work", ConsumeOptions.prefetch(5).withSelector(selectors[c]), inbox::add);
                long seed = c;
                threads.submit(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    while (done.get() < total) {
                        io.warren.broker.Delivery d = inbox.poll(100, TimeUnit.MILLISECONDS);
                        if (d == null) {
                            continue;
                        }
                        String id = d.message().header("p") + "/" + d.message().header("i");
                        if (random.nextInt(20) == 0) {
                            ch.nack(d.deliveryTag(), false, true);
                            continue;
                        }
                        if (acked.put(id, true) != null) {
                            errors.add("acknowledged twice: " + id);
                        }
                        done.incrementAndGet();
                        ch.ack(d.deliveryTag(), false);
                    }
                    return null;
                });
            }
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                threads.submit(() -> {
                    Channel ch = broker.defaultVirtualHost().connect("p" + producer).createChannel();
                    for (int i = 0; i < total / PRODUCERS; i++) {
                        ch.publish("", "work", Message.builder().priority(i % 5).header("p", producer)
                                .header("i", i).body(new byte[100]).build()).join();
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> done.get() >= total);
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(errors).isEmpty();
            assertThat(acked).hasSize(total);
            assertThat(stats(broker).ready()).isZero();
            assertThat(stats(broker).paged()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.pageStore().diskBytes() == 0
                    && broker.memory().used() == 0);
        }
    }

    private static QueueStatistics stats(Broker broker) {
        return broker.defaultVirtualHost().queue("work").orElseThrow().statistics();
    }
}
