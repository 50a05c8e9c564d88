package io.warren.broker.queue;

import static io.warren.broker.EngineFixture.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.EngineFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Channel-wide delivery conditions: flow switch, transport pause and the global prefetch limit. */
class DeliveryGateTest {

    @Test
    void channelPrefetchIsSharedByTheConsumersOfAllQueues() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("a", Map.of());
            f.declare("b", Map.of());
            for (int i = 0; i < 5; i++) {
                f.send("a", "a" + i);
                f.send("b", "b" + i);
            }
            Channel ch = f.connection.createChannel();
            ch.setChannelPrefetch(3);
            BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
            ch.consume("a", ConsumeOptions.prefetch(0), got::add);
            ch.consume("b", ConsumeOptions.prefetch(0), got::add);

            List<Delivery> first = take(got, 3);
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
            assertThat(ch.unacknowledgedCount()).isEqualTo(3);

            ch.ack(first.get(0).deliveryTag(), false);
            take(got, 1);
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
            assertThat(ch.unacknowledgedCount()).isEqualTo(3);

            ch.setChannelPrefetch(0);
            take(got, 6);
        }
    }

    @Test
    void autoAckConsumersIgnoreTheChannelPrefetch() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("q", Map.of());
            for (int i = 0; i < 10; i++) {
                f.send("q", "m" + i);
            }
            Channel ch = f.connection.createChannel();
            ch.setChannelPrefetch(2);
            BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
            ch.consume("q", ConsumeOptions.prefetch(0).withAutoAck(true), got::add);
            take(got, 10);
        }
    }

    @Test
    void flowOffStopsDeliveriesAndFlowOnResumesThemInOrder() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("q", Map.of());
            Channel ch = f.connection.createChannel();
            ch.setFlow(false);
            BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
            ch.consume("q", ConsumeOptions.prefetch(0).withAutoAck(true), got::add);
            f.send("q", "one");
            f.send("q", "two");
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
            assertThat(f.channel.queueDeclarePassive("q").messageCount()).isEqualTo(2);

            ch.setFlow(true);

            assertThat(take(got, 2)).extracting(EngineFixture::body).containsExactly("one", "two");
        }
    }

    @Test
    void aPausedChannelHoldsDeliveriesUntilTheTransportResumesIt() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("q", Map.of());
            Channel ch = f.connection.createChannel();
            BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
            ch.consume("q", ConsumeOptions.prefetch(0).withAutoAck(true), got::add);
            ch.setDeliveryPaused(true);
            f.send("q", "held");
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
            ch.setFlow(false);
            ch.setDeliveryPaused(false);
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
            ch.setFlow(true);
            assertThat(take(got, 1)).extracting(EngineFixture::body).containsExactly("held");
        }
    }

    @Test
    void concurrentPublishersAndAckersNeverPassTheChannelLimitByMoreThanOnePerQueue() throws Exception {
        int queues = 4;
        int perQueue = 2_000;
        int limit = 5;
        try (EngineFixture f = EngineFixture.start()) {
            Channel ch = f.connection.createChannel();
            ch.setChannelPrefetch(limit);
            BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
            AtomicInteger maxOutstanding = new AtomicInteger();
            for (int q = 0; q < queues; q++) {
                f.declare("q" + q, Map.of());
                ch.consume("q" + q, ConsumeOptions.prefetch(0), d -> {
                    got.add(d);
                    maxOutstanding.accumulateAndGet(ch.unacknowledgedCount(), Math::max);
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(queues + 1);
            try {
                List<Future<?>> publishers = new ArrayList<>();
                for (int q = 0; q < queues; q++) {
                    String name = "q" + q;
                    Channel pub = f.connection.createChannel();
                    publishers.add(pool.submit(() -> {
                        for (int i = 0; i < perQueue; i++) {
                            pub.publish("", name, EngineFixture.text("m" + i)).join();
                        }
                    }));
                }
                Future<Integer> acker = pool.submit(() -> {
                    int acked = 0;
                    while (acked < queues * perQueue) {
                        Delivery d = got.poll(10, TimeUnit.SECONDS);
                        if (d == null) {
                            throw new AssertionError("stalled after " + acked + " acknowledgements");
                        }
                        ch.ack(d.deliveryTag(), false);
                        acked++;
                    }
                    return acked;
                });
                for (Future<?> p : publishers) {
                    p.get(30, TimeUnit.SECONDS);
                }
                assertThat(acker.get(60, TimeUnit.SECONDS)).isEqualTo(queues * perQueue);
            } finally {
                pool.shutdownNow();
            }
            assertThat(maxOutstanding.get()).isLessThanOrEqualTo(limit + queues);
            assertThat(ch.unacknowledgedCount()).isZero();
        }
    }
}
