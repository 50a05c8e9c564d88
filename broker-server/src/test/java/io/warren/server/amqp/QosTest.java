package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.warren.server.ServerFixture;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QosTest {
    private ServerFixture fixture;
    private Connection connection;
    private Channel ch;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start();
        connection = fixture.connect();
        ch = connection.createChannel();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Keeps every delivery unacknowledged until the test acks it. */
    static final class Holding extends DefaultConsumer {
        final BlockingQueue<Long> tags = new LinkedBlockingQueue<>();

        Holding(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            tags.add(envelope.getDeliveryTag());
        }
    }

    private void fill(String queue, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            ch.basicPublish("", queue, null, ("m" + i).getBytes(UTF_8));
        }
    }

    private int ready(String queue) throws Exception {
        return ch.queueDeclarePassive(queue).getMessageCount();
    }

    @Test
    void perConsumerPrefetchLimitsEachConsumerOfTheChannelSeparately() throws Exception {
        String q = ch.queueDeclare("work", false, false, false, null).getQueue();
        fill(q, 10);
        Channel consumers = connection.createChannel();
        consumers.basicQos(2);
        Holding first = new Holding(consumers);
        Holding second = new Holding(consumers);
        consumers.basicConsume(q, false, first);
        consumers.basicConsume(q, false, second);

        await().atMost(Duration.ofSeconds(5)).until(() -> first.tags.size() == 2 && second.tags.size() == 2);
        assertThat(ready(q)).isEqualTo(6);

        consumers.basicAck(first.tags.take(), false);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.tags.size() == 2);
        assertThat(ready(q)).isEqualTo(5);
        assertThat(second.tags).hasSize(2);
    }

    @Test
    void globalPrefetchIsSharedByAllConsumersOfTheChannel() throws Exception {
        String q = ch.queueDeclare("work", false, false, false, null).getQueue();
        fill(q, 10);
        Channel consumers = connection.createChannel();
        consumers.basicQos(3, true);
        Holding first = new Holding(consumers);
        Holding second = new Holding(consumers);
        consumers.basicConsume(q, false, first);
        consumers.basicConsume(q, false, second);

        await().atMost(Duration.ofSeconds(5)).until(() -> ready(q) == 7);
        assertThat(first.tags.size() + second.tags.size()).isEqualTo(3);

        Holding holder = first.tags.isEmpty() ? second : first;
        consumers.basicAck(holder.tags.take(), false);
        await().atMost(Duration.ofSeconds(5)).until(() -> ready(q) == 6);
        assertThat(first.tags.size() + second.tags.size()).isEqualTo(3);
    }

    @Test
    void globalAndPerConsumerLimitsApplyTogether() throws Exception {
        String q = ch.queueDeclare("work", false, false, false, null).getQueue();
        fill(q, 10);
        Channel consumers = connection.createChannel();
        consumers.basicQos(3, true);
        consumers.basicQos(1, false);
        Holding first = new Holding(consumers);
        Holding second = new Holding(consumers);
        consumers.basicConsume(q, false, first);
        consumers.basicConsume(q, false, second);

        await().atMost(Duration.ofSeconds(5)).until(() -> first.tags.size() == 1 && second.tags.size() == 1);
        assertThat(ready(q)).isEqualTo(8);
    }

    @Test
    void prefetchDoesNotLimitNoAckConsumers() throws Exception {
        String q = ch.queueDeclare("work", false, false, false, null).getQueue();
        fill(q, 10);
        Channel consumers = connection.createChannel();
        consumers.basicQos(1);
        Holding auto = new Holding(consumers);
        consumers.basicConsume(q, true, auto);

        await().atMost(Duration.ofSeconds(5)).until(() -> auto.tags.size() == 10);
    }

    @Test
    void prefetchSizeIsNotImplementedAndClosesTheConnectionWith540() throws Exception {
        AMQP.Connection.Close close = ClosedBy.connectionError(() -> ch.basicQos(1024, 10, false));
        assertThat(close.getReplyCode()).isEqualTo(540);
    }
}
