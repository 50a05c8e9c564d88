package io.warren.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.paging.FailingPages;
import io.warren.message.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Committers and publishers on several threads, to two paging queues behind a fanout exchange, while the page store
 * fails now and then: a consumer of each queue sees every committed transaction whole and in one block, every
 * successful publish once, and nothing of a failed commit or publish.
 */
class PageWriteFailureConcurrencyTest {
    private static final int COMMITTERS = 4;
    private static final int TRANSACTIONS = 150;
    private static final int PUBLISHERS = 2;
    private static final int PUBLISHES = 300;
    private static final List<String> QUEUES = List.of("a", "b");

    @Test
    void noConsumerEverSeesPartOfATransactionWhileThePageStoreFailsIntermittently() throws Exception {
        try (Broker broker = Broker.start(BrokerConfig.builder("pagefail-threads").jmx(false)
                .queuePagingThreshold(0).pageFileSize(4096).pagingReadAhead(8).build())) {
            Channel admin = broker.defaultVirtualHost().connect("admin").createChannel();
            admin.exchangeDeclare("fan", ExchangeType.FANOUT, false, false, false, Map.of());
            for (String q : QUEUES) {
                admin.queueDeclare(q, false, false, false, Map.of());
                admin.queueBind(q, "fan", "", Map.of());
            }
            FailingPages failing = FailingPages.failWhen(broker.pageStore(), n -> n % 13 == 0);

            List<String> errors = new CopyOnWriteArrayList<>();
            Map<String, List<Message>> seen = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService consumers = Executors.newFixedThreadPool(QUEUES.size());
            for (String q : QUEUES) {
                List<Message> received = new CopyOnWriteArrayList<>();
                seen.put(q, received);
                Channel ch = broker.defaultVirtualHost().connect("consumer-" + q).createChannel();
                BlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();
                ch.consume(q, ConsumeOptions.prefetch(20), inbox::add);
                // The engine delivers under the queue's lock: settle on a thread of our own.
                consumers.submit(() -> {
                    while (!stop.get() || !inbox.isEmpty()) {
                        Delivery d = inbox.poll(50, TimeUnit.MILLISECONDS);
                        if (d != null) {
                            received.add(d.message());
                            ch.ack(d.deliveryTag(), false);
                        }
                    }
                    return null;
                });
            }

            Set<String> committed = ConcurrentHashMap.newKeySet();
            Set<String> failed = ConcurrentHashMap.newKeySet();
            Map<String, Integer> sizes = new ConcurrentHashMap<>();
            ExecutorService senders = Executors.newFixedThreadPool(COMMITTERS + PUBLISHERS);
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < COMMITTERS; c++) {
                int committer = c;
                sent.add(senders.submit(() -> {
                    Channel ch = broker.defaultVirtualHost().connect("committer-" + committer).createChannel();
                    ch.txSelect();
                    for (int t = 0; t < TRANSACTIONS; t++) {
                        String id = "tx" + committer + "/" + t;
                        int size = 1 + (t + committer) % 6;
                        sizes.put(id, size);
                        for (int i = 0; i < size; i++) {
                            ch.publish("fan", "", Message.builder().header("id", id).header("i", i)
                                    .body(new byte[100 + 37 * i]).build());
                        }
                        outcome(() -> ch.txCommit().join(), id, committed, failed, errors);
                    }
                    return null;
                }));
            }
            for (int p = 0; p < PUBLISHERS; p++) {
                int publisher = p;
                sent.add(senders.submit(() -> {
                    Channel ch = broker.defaultVirtualHost().connect("publisher-" + publisher).createChannel();
                    for (int i = 0; i < PUBLISHES; i++) {
                        String id = "pub" + publisher + "/" + i;
                        sizes.put(id, 1);
                        outcome(() -> ch.publish("fan", "", Message.builder().header("id", id).header("i", 0)
                                .body(new byte[80]).build()).join(), id, committed, failed, errors);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            failing.heal();
            int expected = committed.stream().mapToInt(sizes::get).sum();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String q : QUEUES) {
                    assertThat(seen.get(q)).as("messages consumed from " + q)
                            .hasSizeGreaterThanOrEqualTo(expected);
                }
            });
            stop.set(true);
            consumers.shutdown();
            assertThat(consumers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            senders.shutdown();

            assertThat(errors).isEmpty();
            assertThat(failed).as("commits and publishes the failing page store refused").isNotEmpty();
            assertThat(failed.stream().anyMatch(id -> id.startsWith("tx"))).isTrue();
            assertThat(failed.stream().anyMatch(id -> id.startsWith("pub"))).isTrue();
            assertThat(committed).isNotEmpty();
            for (String q : QUEUES) {
                checkWholeBlocks(q, seen.get(q), committed, sizes);
                assertThat(broker.defaultVirtualHost().queue(q).orElseThrow().statistics().ready()).isZero();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.pageStore().diskBytes() == 0);
        }
    }

    /** Runs a commit or publish; a failure must be a STORE_ERROR, and then nothing of it may arrive. */
    private static void outcome(Runnable send, String id, Set<String> committed, Set<String> failed,
                                List<String> errors) {
        try {
            send.run();
            committed.add(id);
        } catch (BrokerException e) {
            if (e.code() == ErrorCode.STORE_ERROR) {
                failed.add(id);
            } else {
                errors.add(id + ": " + e);
            }
        } catch (RuntimeException e) {
            errors.add(id + ": " + e);
        }
    }

    /** Each committed unit arrives once, whole, its messages in order and next to each other; no other does. */
    private static void checkWholeBlocks(String queue, List<Message> received, Set<String> committed,
                                         Map<String, Integer> sizes) {
        Map<String, Integer> blocks = new HashMap<>();
        int k = 0;
        while (k < received.size()) {
            String id = (String) received.get(k).header("id");
            assertThat(committed).as(queue + ": " + id + " arrived but did not succeed").contains(id);
            assertThat(blocks.put(id, 1)).as(queue + ": " + id + " arrived twice").isNull();
            int size = sizes.get(id);
            for (int i = 0; i < size; i++, k++) {
                assertThat(k).as(queue + ": " + id + " cut short").isLessThan(received.size());
                Message m = received.get(k);
                assertThat(m.header("id")).as(queue + ": message " + k + " inside " + id).isEqualTo(id);
                assertThat(((Number) m.header("i")).intValue()).as(queue + ": order inside " + id).isEqualTo(i);
            }
        }
        assertThat(blocks.keySet()).as(queue + ": every success arrived").isEqualTo(committed);
    }
}
