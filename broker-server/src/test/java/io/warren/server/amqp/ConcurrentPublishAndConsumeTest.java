package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.warren.server.ServerFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several publisher and consumer connections on one queue at once: each message arrives exactly once. */
class ConcurrentPublishAndConsumeTest {
    private static final int PUBLISHERS = 4;
    private static final int PER_PUBLISHER = 2_500;
    private static final int TOTAL = PUBLISHERS * PER_PUBLISHER;

    @Test
    void fourPublishersAndTwoAckingConsumersDeliverEveryMessageExactlyOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PUBLISHERS);
        try (ServerFixture f = ServerFixture.start()) {
            f.connect().createChannel().queueDeclare("work", false, false, false, null);
            ConcurrentHashMap<String, AtomicInteger> seen = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(TOTAL);
            AtomicInteger redelivered = new AtomicInteger();
            for (int c = 0; c < 2; c++) {
                Connection connection = f.connect();
                Channel ch = connection.createChannel();
                ch.basicQos(50);
                ch.basicConsume("work", false, new DefaultConsumer(ch) {
                    @Override
                    public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body)
                            throws java.io.IOException {
                        if (env.isRedeliver()) {
                            redelivered.incrementAndGet();
                        }
                        if (seen.computeIfAbsent(new String(body, UTF_8), k -> new AtomicInteger())
                                .incrementAndGet() == 1) {
                            all.countDown();
                        }
                        getChannel().basicAck(env.getDeliveryTag(), false);
                    }
                });
            }

            List<Future<?>> publishers = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                int publisher = p;
                Connection connection = f.connect();
                publishers.add(threads.submit(() -> {
                    Channel ch = connection.createChannel();
                    for (int i = 0; i < PER_PUBLISHER; i++) {
                        ch.basicPublish("", "work", null, (publisher + "-" + i).getBytes(UTF_8));
                    }
                    return null;
                }));
            }
            for (Future<?> p : publishers) {
                p.get(30, TimeUnit.SECONDS);
            }

            assertThat(all.await(30, TimeUnit.SECONDS)).as("all %d messages received, got %d", TOTAL, seen.size())
                    .isTrue();
            assertThat(seen).hasSize(TOTAL);
            assertThat(seen.values()).allMatch(n -> n.get() == 1);
            assertThat(redelivered.get()).isZero();
            Channel observer = f.connect().createChannel();
            assertThat(observer.queueDeclarePassive("work").getMessageCount()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }
}
