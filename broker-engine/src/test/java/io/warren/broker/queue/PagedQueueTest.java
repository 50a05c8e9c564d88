package io.warren.broker.queue;

import static io.warren.broker.EngineFixture.body;
import static io.warren.broker.EngineFixture.take;
import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.EngineFixture;
import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.paging.FailingPages;
import io.warren.message.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A queue's semantics on messages kept in its paged part. */
class PagedQueueTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private Broker broker;
    private Channel ch;

    /** A broker whose queues page every arrival past {@code thresholdBytes} of heap. */
    private void start(long thresholdBytes, int readAhead) {
        broker = Broker.start(BrokerConfig.builder("paged-" + NAMES.incrementAndGet()).jmx(false)
                .queuePagingThreshold(thresholdBytes).pagingReadAhead(readAhead).build());
        ch = broker.defaultVirtualHost().connect("c").createChannel();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private QueueStatistics stats(String queue) {
        return broker.defaultVirtualHost().queue(queue).orElseThrow().statistics();
    }

    private void sendAll(String queue, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            ch.publish("", queue, text(prefix + i)).join();
        }
    }

    private static List<String> expected(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    @Test
    void messagesComeOutInOrderAcrossThePagingAndPageInBoundaries() throws Exception {
        start(2048, 7);
        ch.queueDeclare("q", true, false, false, Map.of());
        sendAll("q", "m", 500);
        QueueStatistics s = stats("q");
        assertThat(s.paged()).isBetween(450, 499);
        assertThat(s.ready()).isEqualTo(500);
        assertThat(s.readyBytes()).isEqualTo(expected("m", 0, 500).stream().mapToLong(String::length).sum());

        List<String> got = new ArrayList<>(getAutoAcked("q", 100));
        BlockingQueue<Delivery> in = EngineFixture.consume(ch, "q", ConsumeOptions.prefetch(3).withAutoAck(true));
        for (Delivery d : take(in, 400)) {
            got.add(body(d));
        }

        assertThat(got).containsExactlyElementsOf(expected("m", 0, 500));
        assertThat(stats("q").paged()).isZero();
        assertThat(broker.memory().used()).isZero();
    }

    private List<String> getAutoAcked(String queue, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(body(ch.get(queue, true, null)));
        }
        return out;
    }

    @Test
    void arrivalsKeepTheirOrderWhileTheQueueIsPagedAndConsumedAtOnce() throws Exception {
        start(0, 4);
        ch.queueDeclare("q", true, false, false, Map.of());
        BlockingQueue<Delivery> in = EngineFixture.consume(ch, "q", ConsumeOptions.prefetch(5));
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ch.publish("", "q", text("m" + i)).join();
            if (i % 3 == 0) {
                Delivery d = take(in, 1).get(0);
                got.add(body(d));
                ch.ack(d.deliveryTag(), false);
            }
        }
        while (got.size() < 300) {
            Delivery d = take(in, 1).get(0);
            got.add(body(d));
            ch.ack(d.deliveryTag(), false);
        }
        assertThat(got).containsExactlyElementsOf(expected("m", 0, 300));
    }

    @Test
    void aHighPriorityArrivalOvertakesAPagedBacklogOfLowerPriority() {
        start(0, 8);
        ch.queueDeclare("q", true, false, false, Map.of(QueueArguments.MAX_PRIORITY, 9));
        for (int i = 0; i < 200; i++) {
            ch.publish("", "q", Message.builder().priority(1).body(("low" + i).getBytes()).build()).join();
        }
        ch.publish("", "q", Message.builder().priority(7).body("high".getBytes()).build()).join();
        ch.publish("", "q", Message.builder().priority(3).body("mid".getBytes()).build()).join();

        assertThat(stats("q").paged()).isEqualTo(202);
        assertThat(body(ch.get("q", true, null))).isEqualTo("high");
        assertThat(body(ch.get("q", true, null))).isEqualTo("mid");
        List<String> rest = new ArrayList<>();
        Delivery d;
        while ((d = ch.get("q", true, null)) != null) {
            rest.add(body(d));
        }
        assertThat(rest).containsExactlyElementsOf(expected("low", 0, 200));
    }

    @Test
    void aSelectorConsumerFindsAMatchDeepInThePagedBacklogWithoutPagingInTheRest() throws Exception {
        start(0, 8);
        ch.queueDeclare("q", true, false, false, Map.of());
        for (int i = 0; i < 1000; i++) {
            ch.publish("", "q", Message.builder().header("n", i).body(("m" + i).getBytes()).build()).join();
        }
        BlockingQueue<Delivery> in = EngineFixture.consume(ch, "q",
                ConsumeOptions.prefetch(10).withSelector("n = 700 OR n = 998"));

        List<Delivery> found = take(in, 2);

        assertThat(found).extracting(EngineFixture::body).containsExactly("m700", "m998");
        assertThat(stats("q").paged()).isEqualTo(1000);
        assertThat(stats("q").unacknowledged()).isEqualTo(2);
        ch.ack(found.get(1).deliveryTag(), true);
        assertThat(stats("q").paged()).isEqualTo(998);
        assertThat(ch.browse("q", null)).hasSize(998);
    }

    @Test
    void aRequeuedDeepMessageReturnsToItsPlaceWithItsDeliveryCount() throws Exception {
        start(0, 8);
        ch.queueDeclare("q", true, false, false, Map.of());
        for (int i = 0; i < 50; i++) {
            ch.publish("", "q", Message.builder().header("n", i).body(("m" + i).getBytes()).build()).join();
        }
        Channel picky = broker.defaultVirtualHost().connect("p").createChannel();
        BlockingQueue<Delivery> in = EngineFixture.consume(picky, "q",
                ConsumeOptions.prefetch(1).withSelector("n = 30"));
        Delivery first = take(in, 1).get(0);
        assertThat(first.deliveryCount()).isEqualTo(1);
        picky.nack(first.deliveryTag(), false, true);
        Delivery again = take(in, 1).get(0);
        assertThat(body(again)).isEqualTo("m30");
        assertThat(again.deliveryCount()).isEqualTo(2);
        picky.close();

        List<String> all = new ArrayList<>();
        Delivery d;
        while ((d = ch.get("q", true, null)) != null) {
            all.add(body(d));
            if (body(d).equals("m30")) {
                assertThat(d.deliveryCount()).isEqualTo(3);
            }
        }
        assertThat(all).containsExactlyElementsOf(expected("m", 0, 50));
    }

    @Test
    void aBrowserSeesTheWholePagedQueueInDeliveryOrder() {
        start(1024, 8);
        ch.queueDeclare("q", true, false, false, Map.of());
        for (int i = 0; i < 300; i++) {
            ch.publish("", "q", Message.builder().header("even", i % 2 == 0).body(("m" + i).getBytes()).build())
                    .join();
        }
        assertThat(stats("q").paged()).isPositive();

        assertThat(ch.browse("q", null)).extracting(EngineFixture::body)
                .containsExactlyElementsOf(expected("m", 0, 300));
        assertThat(ch.browse("q", "even = TRUE")).hasSize(150);
        assertThat(stats("q").ready()).isEqualTo(300);
    }

    @Test
    void expiredPagedMessagesAreNeverDeliveredButDeadLetteredWhenReached() {
        start(0, 4);
        ch.exchangeDeclare("dlx", ExchangeType.FANOUT, true, false, false, Map.of());
        ch.queueDeclare("dead", true, false, false, Map.of());
        ch.queueBind("dead", "dlx", "", Map.of());
        ch.queueDeclare("q", true, false, false, Map.of(QueueArguments.DEAD_LETTER_EXCHANGE, "dlx"));
        long past = System.currentTimeMillis() - 1;
        for (int i = 0; i < 20; i++) {
            Message.Builder b = Message.builder().body(("m" + i).getBytes());
            ch.publish("", "q", (i % 2 == 0 ? b.expiration(past) : b).build()).join();
        }
        // Expired ones count until they are reached.
        assertThat(stats("q").ready()).isEqualTo(20);

        List<String> got = new ArrayList<>();
        Delivery d;
        while ((d = ch.get("q", true, null)) != null) {
            got.add(body(d));
        }

        assertThat(got).containsExactly("m1", "m3", "m5", "m7", "m9", "m11", "m13", "m15", "m17", "m19");
        await().atMost(EngineFixture.timeout()).until(() -> ch.queueDeclarePassive("dead").messageCount() == 10);
        Delivery dead = ch.get("dead", true, null);
        assertThat(body(dead)).isEqualTo("m0");
        assertThat(dead.message().header("x-first-death-reason")).isEqualTo("expired");
        assertThat(stats("q").ready()).isZero();
    }

    @Test
    void aRejectedPagedMessageIsDeadLettered() throws Exception {
        start(0, 4);
        ch.exchangeDeclare("dlx", ExchangeType.FANOUT, true, false, false, Map.of());
        ch.queueDeclare("dead", true, false, false, Map.of());
        ch.queueBind("dead", "dlx", "", Map.of());
        ch.queueDeclare("q", true, false, false, Map.of(QueueArguments.DEAD_LETTER_EXCHANGE, "dlx"));
        for (int i = 0; i < 10; i++) {
            ch.publish("", "q", Message.builder().header("n", i).body(("m" + i).getBytes()).build()).join();
        }
        BlockingQueue<Delivery> in = EngineFixture.consume(ch, "q", ConsumeOptions.prefetch(1).withSelector("n = 6"));
        ch.reject(take(in, 1).get(0).deliveryTag(), false);
        await().atMost(EngineFixture.timeout()).until(() -> ch.queueDeclarePassive("dead").messageCount() == 1);
        assertThat(body(ch.get("dead", true, null))).isEqualTo("m6");
        assertThat(stats("q").ready()).isEqualTo(9);
    }

    @Test
    void aPagedQueueDropsItsOldestMessagesOverItsLengthLimit() {
        start(0, 4);
        ch.queueDeclare("q", true, false, false, Map.of(QueueArguments.MAX_LENGTH, 10));
        sendAll("q", "m", 25);
        assertThat(stats("q").ready()).isEqualTo(10);
        assertThat(stats("q").paged()).isEqualTo(10);
        List<String> got = new ArrayList<>();
        Delivery d;
        while ((d = ch.get("q", true, null)) != null) {
            got.add(body(d));
        }
        assertThat(got).containsExactlyElementsOf(expected("m", 15, 25));
    }

    @Test
    void aPagedQueueDropsItsOldestMessagesOverItsByteLimit() {
        start(0, 4);
        ch.queueDeclare("q", true, false, false, Map.of(QueueArguments.MAX_LENGTH_BYTES, 30));
        sendAll("q", "msg", 20);
        assertThat(stats("q").readyBytes()).isLessThanOrEqualTo(30);
        assertThat(stats("q").ready()).isEqualTo(6);
        assertThat(body(ch.get("q", true, null))).isEqualTo("msg14");
    }

    @Test
    void aDeepMessageTakenBySelectorIsDeadLetteredPastTheDeliveryLimit() throws Exception {
        start(0, 4);
        ch.exchangeDeclare("dlx", ExchangeType.FANOUT, true, false, false, Map.of());
        ch.queueDeclare("dead", true, false, false, Map.of());
        ch.queueBind("dead", "dlx", "", Map.of());
        ch.queueDeclare("q", true, false, false, Map.of(QueueArguments.DEAD_LETTER_EXCHANGE, "dlx",
                QueueArguments.DELIVERY_LIMIT, 1));
        for (int i = 0; i < 20; i++) {
            ch.publish("", "q", Message.builder().header("n", i).body(("m" + i).getBytes()).build()).join();
        }
        Channel picky = broker.defaultVirtualHost().connect("p").createChannel();
        BlockingQueue<Delivery> in = EngineFixture.consume(picky, "q", ConsumeOptions.prefetch(1).withSelector("n = 12"));
        picky.nack(take(in, 1).get(0).deliveryTag(), false, true);
        picky.nack(take(in, 1).get(0).deliveryTag(), false, true);

        await().atMost(EngineFixture.timeout()).until(() -> ch.queueDeclarePassive("dead").messageCount() == 1);
        Delivery dead = ch.get("dead", true, null);
        assertThat(body(dead)).isEqualTo("m12");
        assertThat(stats("q").ready()).isEqualTo(19);
        assertThat(stats("q").paged()).isEqualTo(19);
    }

    @Test
    void aPagedQueueRefusesPublishesOverItsLengthLimitWithRejectPublish() {
        start(0, 4);
        Map<String, Object> args = new HashMap<>();
        args.put(QueueArguments.MAX_LENGTH, 5);
        args.put(QueueArguments.OVERFLOW, "reject-publish");
        ch.queueDeclare("q", true, false, false, args);
        sendAll("q", "m", 8);
        assertThat(stats("q").ready()).isEqualTo(5);
        assertThat(body(ch.get("q", true, null))).isEqualTo("m0");
    }

    @Test
    void aDelayedMessageJoinsThePagedPartOfItsLevelWhenDue() {
        start(0, 4);
        ch.queueDeclare("q", true, false, false, Map.of());
        ch.publish("", "q", Message.builder().deliveryTime(System.currentTimeMillis() + 50)
                .body("later".getBytes()).build()).join();
        sendAll("q", "m", 5);
        await().atMost(EngineFixture.timeout()).until(() -> stats("q").paged() == 6);
        List<String> got = new ArrayList<>();
        Delivery d;
        while ((d = ch.get("q", true, null)) != null) {
            got.add(body(d));
        }
        assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4", "later");
    }

    @Test
    void aDueDelayedMessageWhosePageWriteFailsWaitsAndJoinsThePagedPartOnceTheStoreWrites() {
        start(0, 4);
        ch.queueDeclare("q", true, false, false, Map.of());
        sendAll("q", "m", 2);
        FailingPages failing = FailingPages.failAfter(broker.pageStore(), 0);
        ch.publish("", "q", Message.builder().deliveryTime(System.currentTimeMillis() + 100)
                .body("later".getBytes()).build()).join();

        await().atMost(EngineFixture.timeout()).until(() -> failing.failures() > 0);
        assertThat(stats("q").ready()).as("the due message is kept").isEqualTo(3);
        failing.heal();
        await().atMost(EngineFixture.timeout()).until(() -> stats("q").paged() == 3);
        List<String> got = new ArrayList<>();
        Delivery d;
        while ((d = ch.get("q", true, null)) != null) {
            got.add(body(d));
        }
        assertThat(got).containsExactly("m0", "m1", "later");
    }

    @Test
    void purgingAndDeletingAPagedQueueFreeItsPageFilesAndIndex() {
        broker = Broker.start(BrokerConfig.builder("paged-files-" + NAMES.incrementAndGet()).jmx(false)
                .queuePagingThreshold(0).pageFileSize(4096).build());
        ch = broker.defaultVirtualHost().connect("c").createChannel();
        ch.queueDeclare("a", true, false, false, Map.of());
        ch.queueDeclare("b", true, false, false, Map.of());
        for (int i = 0; i < 200; i++) {
            ch.publish("", "a", Message.builder().body(new byte[100]).build()).join();
            ch.publish("", "b", Message.builder().body(new byte[100]).build()).join();
        }
        var pages = broker.pageStore();
        assertThat(pages.fileCount()).isGreaterThan(5);
        java.nio.file.Path dir = pages.directory();
        assertThat(dir).isDirectory();

        assertThat(ch.queuePurge("a")).isEqualTo(200);
        assertThat(stats("a").paged()).isZero();
        assertThat(pages.fileCount()).isGreaterThan(2);
        ch.queueDelete("b", false, false);

        assertThat(pages.fileCount()).isLessThanOrEqualTo(1);
        assertThat(pages.diskBytes()).isZero();
        assertThat(broker.memory().used()).isZero();
        broker.close();
        assertThat(dir).doesNotExist();
    }
}
