package io.warren.server.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.warren.broker.BrokerConfig;
import io.warren.server.ServerFixture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The broker's memory guard blocks publishing connections, as RabbitMQ's memory alarm does. */
class FlowControlTest {
    private static final int MESSAGES = 40;
    private static final int SIZE = 10_000;

    @Test
    void publisherIsBlockedPastTheMemoryLimitAndUnblockedOnceAConsumerDrainsTheQueue() throws Exception {
        // Without paging: with it, the queue would page these messages instead of reaching the limit.
        BrokerConfig config = BrokerConfig.builder("flow-" + System.nanoTime()).maxMemory(100_000).memoryWait(100)
                .paging(false).build();
        ExecutorService publisherThread = Executors.newSingleThreadExecutor();
        try (ServerFixture f = ServerFixture.start(config)) {
            Connection publisher = f.connect();
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch unblocked = new CountDownLatch(1);
            publisher.addBlockedListener(new BlockedListener() {
                @Override
                public void handleBlocked(String reason) {
                    blocked.countDown();
                }

                @Override
                public void handleUnblocked() {
                    unblocked.countDown();
                }
            });
            Channel pub = publisher.createChannel();
            pub.queueDeclare("q", false, false, false, null);

            Future<?> published = publisherThread.submit(() -> {
                for (int i = 0; i < MESSAGES; i++) {
                    pub.basicPublish("", "q", null, new byte[SIZE]);
                }
                return null;
            });

            assertThat(blocked.await(5, TimeUnit.SECONDS)).as("connection.blocked").isTrue();
            assertThat(unblocked.getCount()).isEqualTo(1);
            int queuedWhileBlocked = depth(f);
            assertThat(queuedWhileBlocked).isLessThan(MESSAGES);

            Channel consumer = f.connect().createChannel();
            CountDownLatch all = new CountDownLatch(MESSAGES);
            consumer.basicConsume("q", true, new DefaultConsumer(consumer) {
                @Override
                public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
                    all.countDown();
                }
            });

            assertThat(unblocked.await(5, TimeUnit.SECONDS)).as("connection.unblocked").isTrue();
            published.get(5, TimeUnit.SECONDS);
            assertThat(all.await(5, TimeUnit.SECONDS)).as("every message delivered").isTrue();
            assertThat(pub.isOpen()).isTrue();
            assertThat(publisher.isOpen()).isTrue();
        } finally {
            publisherThread.shutdownNow();
        }
    }

    private static int depth(ServerFixture f) throws Exception {
        Channel observer = f.connect().createChannel();
        int n = observer.queueDeclarePassive("q").getMessageCount();
        observer.close();
        return n;
    }
}
