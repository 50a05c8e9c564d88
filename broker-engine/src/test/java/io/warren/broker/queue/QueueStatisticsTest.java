package io.warren.broker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.EngineFixture;
import io.warren.broker.exchange.ExchangeType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueStatisticsTest {
    private final EngineFixture f = EngineFixture.start();

    @AfterEach
    void close() {
        f.close();
    }

    private QueueStatistics stats(String queue) {
        return f.host.queue(queue).orElseThrow().statistics();
    }

    @Test
    void publishDeliverAndAckAreCountedWithDepth() throws Exception {
        f.declare("q", Map.of());
        for (int i = 0; i < 5; i++) {
            f.send("q", "m" + i);
        }
        assertThat(stats("q").ready()).isEqualTo(5);
        assertThat(stats("q").published()).isEqualTo(5);
        assertThat(stats("q").readyBytes()).isEqualTo(10);

        BlockingQueue<Delivery> got = f.consume("q", ConsumeOptions.prefetch(10));
        List<Delivery> deliveries = EngineFixture.take(got, 5);
        QueueStatistics held = stats("q");
        assertThat(held.ready()).isZero();
        assertThat(held.unacknowledged()).isEqualTo(5);
        assertThat(held.consumers()).isEqualTo(1);
        assertThat(held.delivered()).isEqualTo(5);
        assertThat(held.messages()).isEqualTo(5);

        f.channel.ack(deliveries.get(4).deliveryTag(), true);
        QueueStatistics settled = stats("q");
        assertThat(settled.acknowledged()).isEqualTo(5);
        assertThat(settled.unacknowledged()).isZero();
        assertThat(settled.redelivered()).isZero();
    }

    @Test
    void requeuedMessageCountsAsRedeliveredWhenDeliveredAgain() throws Exception {
        f.declare("q", Map.of());
        f.send("q", "a");
        Channel other = f.connection.createChannel();
        other.get("q", false, null);
        other.close();
        Delivery again = f.channel.get("q", false, null);
        assertThat(again).isNotNull();
        QueueStatistics s = stats("q");
        assertThat(s.delivered()).isEqualTo(2);
        assertThat(s.redelivered()).isEqualTo(1);
    }

    @Test
    void rejectedMessagesCountAsDeadLetteredWithDlxAndDiscardedWithout() {
        f.channel.exchangeDeclare("dlx", ExchangeType.FANOUT, true, false, false, Map.of());
        f.declare("dead", Map.of());
        f.channel.queueBind("dead", "dlx", "", Map.of());
        f.declare("withDlx", Map.of("x-dead-letter-exchange", "dlx"));
        f.declare("without", Map.of());
        f.send("withDlx", "a");
        f.send("without", "b");
        f.channel.reject(f.channel.get("withDlx", false, null).deliveryTag(), false);
        f.channel.reject(f.channel.get("without", false, null).deliveryTag(), false);

        assertThat(stats("withDlx").deadLettered()).isEqualTo(1);
        assertThat(stats("withDlx").discarded()).isZero();
        assertThat(stats("without").discarded()).isEqualTo(1);
        assertThat(stats("without").deadLettered()).isZero();
        assertThat(stats("dead").published()).isEqualTo(1);
    }

    @Test
    void autoAckDeliveriesAreDeliveredButNotAcknowledged() {
        f.declare("q", Map.of());
        f.send("q", "a");
        assertThat(f.channel.get("q", true, null)).isNotNull();
        assertThat(stats("q").delivered()).isEqualTo(1);
        assertThat(stats("q").acknowledged()).isZero();
    }

    @Test
    void countersAreExactUnderConcurrentPublishersAndConsumers() throws Exception {
        f.declare("q", Map.of());
        int publishers = 4;
        int perPublisher = 5_000;
        int total = publishers * perPublisher;
        AtomicInteger acked = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        for (int c = 0; c < 2; c++) {
            Channel ch = f.connection.createChannel();
            ch.consume("q", ConsumeOptions.prefetch(50), d -> {
                ch.ack(d.deliveryTag(), false);
                acked.incrementAndGet();
                done.countDown();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        try {
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                sent.add(pool.submit(() -> {
                    Channel ch = f.connection.createChannel();
                    for (int i = 0; i < perPublisher; i++) {
                        ch.publish("", "q", EngineFixture.text("x"));
                    }
                    return null;
                }));
            }
            for (Future<?> s : sent) {
                s.get(30, TimeUnit.SECONDS);
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        QueueStatistics s = stats("q");
        assertThat(s.published()).isEqualTo(total);
        assertThat(s.delivered()).isEqualTo(total);
        assertThat(s.acknowledged()).isEqualTo(total);
        assertThat(s.messages()).isZero();
    }
}
