package io.warren.broker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.EngineFixture;
import io.warren.message.Message;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueueConcurrencyTest {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int PER_PRODUCER = 20_000;

    @Test
    void everyMessageIsDeliveredExactlyOnceWithManyProducersAndConsumers() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("work", Map.of(QueueArguments.MAX_PRIORITY, 9));
            int total = PRODUCERS * PER_PRODUCER;
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(total);
            List<ClientConnection> connections = new ArrayList<>();
            for (int c = 0; c < CONSUMERS; c++) {
                ClientConnection conn = f.host.connect("consumer-" + c);
                connections.add(conn);
                Channel ch = conn.createChannel();
                ch.consume("work", ConsumeOptions.prefetch(50), d -> {
                    int id = ByteBuffer.wrap(d.message().body()).getInt();
                    if (!seen.add(id)) {
                        duplicates.incrementAndGet();
                    }
                    // Acks from another thread than the delivering one, as a real client does.
                    ACKER.execute(() -> {
                        ch.ack(d.deliveryTag(), false);
                        done.countDown();
                    });
                });
            }
            ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
            List<Future<?>> sent = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int base = p * PER_PRODUCER;
                sent.add(producers.submit(() -> {
                    Channel ch = f.host.connect("producer").createChannel();
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        byte[] body = ByteBuffer.allocate(4).putInt(base + i).array();
                        ch.publish("", "work", Message.builder().priority(i % 10).body(body).build());
                    }
                }));
            }
            for (Future<?> s : sent) {
                s.get(60, TimeUnit.SECONDS);
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            producers.shutdown();
            assertThat(duplicates.get()).isZero();
            assertThat(seen).hasSize(total);
            assertThat(f.channel.queueDeclarePassive("work").messageCount()).isZero();
            assertThat(f.host.queueDeclarePassive(null, "work").consumerCount()).isEqualTo(CONSUMERS);
            connections.forEach(ClientConnection::close);
        }
    }

    @Test
    void concurrentRequeuesAndAcksLoseNothing() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("work", Map.of());
            int total = 20_000;
            Set<Integer> acked = ConcurrentHashMap.newKeySet();
            CountDownLatch done = new CountDownLatch(total);
            AtomicInteger attempts = new AtomicInteger();
            for (int c = 0; c < 3; c++) {
                Channel ch = f.host.connect("c" + c).createChannel();
                ch.consume("work", ConsumeOptions.prefetch(20), d -> ACKER.execute(() -> {
                    int id = ByteBuffer.wrap(d.message().body()).getInt();
                    // Every third first delivery is sent back, so requeues interleave with acks.
                    if (!d.redelivered() && attempts.incrementAndGet() % 3 == 0) {
                        ch.nack(d.deliveryTag(), false, true);
                    } else {
                        ch.ack(d.deliveryTag(), false);
                        if (acked.add(id)) {
                            done.countDown();
                        }
                    }
                }));
            }
            for (int i = 0; i < total; i++) {
                f.channel.publish("", "work", Message.builder().body(ByteBuffer.allocate(4).putInt(i).array()).build());
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(acked).hasSize(total);
        }
    }

    private static final ExecutorService ACKER = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "acker");
        t.setDaemon(true);
        return t;
    });
}
