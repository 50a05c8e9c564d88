package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.Return;
import io.warren.server.ServerFixture;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishAndConsumeTest {
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

    /** A delivery as a consumer saw it. */
    record Received(String consumerTag, Envelope envelope, String body) {
    }

    /** Collects deliveries and the cancel callbacks of one consumer. */
    static final class Recorder extends DefaultConsumer {
        final BlockingQueue<Received> deliveries = new LinkedBlockingQueue<>();
        final CountDownLatch cancelledByServer = new CountDownLatch(1);
        final CountDownLatch cancelOk = new CountDownLatch(1);

        Recorder(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            deliveries.add(new Received(tag, envelope, new String(body, UTF_8)));
        }

        @Override
        public void handleCancel(String consumerTag) {
            cancelledByServer.countDown();
        }

        @Override
        public void handleCancelOk(String consumerTag) {
            cancelOk.countDown();
        }

        Received next() throws InterruptedException {
            Received r = deliveries.poll(5, TimeUnit.SECONDS);
            assertThat(r).as("a delivery within 5 s").isNotNull();
            return r;
        }
    }

    private void publish(String queue, String body) throws Exception {
        ch.basicPublish("", queue, null, body.getBytes(UTF_8));
    }

    @Test
    void noAckConsumerReceivesMessagesInOrderWithExchangeAndRoutingKey() throws Exception {
        String q = ch.queueDeclare().getQueue();
        Recorder consumer = new Recorder(ch);
        String tag = ch.basicConsume(q, true, consumer);
        publish(q, "one");
        publish(q, "two");

        Received first = consumer.next();
        assertThat(first.body()).isEqualTo("one");
        assertThat(first.consumerTag()).isEqualTo(tag).startsWith("amq.ctag-");
        assertThat(first.envelope().getExchange()).isEmpty();
        assertThat(first.envelope().getRoutingKey()).isEqualTo(q);
        assertThat(first.envelope().isRedeliver()).isFalse();
        assertThat(consumer.next().body()).isEqualTo("two");
        await().atMost(Duration.ofSeconds(5)).until(() -> ch.queueDeclarePassive(q).getMessageCount() == 0);
    }

    @Test
    void consumerStartedOnAQueueWithMessagesGetsConsumeOkBeforeItsDeliveries() throws Exception {
        String q = ch.queueDeclare().getQueue();
        for (int i = 0; i < 100; i++) {
            publish(q, "m" + i);
        }
        Recorder consumer = new Recorder(ch);
        ch.basicConsume(q, true, "early", consumer);
        for (int i = 0; i < 100; i++) {
            assertThat(consumer.next().body()).isEqualTo("m" + i);
        }
    }

    @Test
    void clientChosenConsumerTagIsUsed() throws Exception {
        String q = ch.queueDeclare().getQueue();
        Recorder consumer = new Recorder(ch);
        assertThat(ch.basicConsume(q, true, "my-tag", consumer)).isEqualTo("my-tag");
        publish(q, "x");
        assertThat(consumer.next().consumerTag()).isEqualTo("my-tag");
    }

    @Test
    void exclusiveConsumerKeepsOtherConsumersOffTheQueueWith403() throws Exception {
        String q = ch.queueDeclare("shared", false, false, false, null).getQueue();
        ch.basicConsume(q, true, "only", false, true, null, new Recorder(ch));

        Channel other = connection.createChannel();
        AMQP.Channel.Close close = ClosedBy.channelError(() -> other.basicConsume(q, true, new Recorder(other)));
        assertThat(close.getReplyCode()).isEqualTo(403);
        assertThat(close.getReplyText()).contains("exclusive");
    }

    @Test
    void consumerArgumentsAreAcceptedAndAnXSelectorFiltersMessages() throws Exception {
        String q = ch.queueDeclare().getQueue();
        Recorder consumer = new Recorder(ch);
        ch.basicConsume(q, true, "sel", false, false, Map.of("x-selector", "colour = 'red'", "x-priority", 5),
                consumer);
        ch.basicPublish("", q, new AMQP.BasicProperties.Builder().headers(Map.of("colour", "blue")).build(),
                "blue".getBytes(UTF_8));
        ch.basicPublish("", q, new AMQP.BasicProperties.Builder().headers(Map.of("colour", "red")).build(),
                "red".getBytes(UTF_8));

        assertThat(consumer.next().body()).isEqualTo("red");
        assertThat(ch.queueDeclarePassive(q).getMessageCount()).isEqualTo(1);
    }

    @Test
    void cancelFromTheClientStopsDeliveriesAndIsConfirmed() throws Exception {
        String q = ch.queueDeclare("cancelled", false, false, false, null).getQueue();
        Recorder consumer = new Recorder(ch);
        String tag = ch.basicConsume(q, true, consumer);
        publish(q, "before");
        assertThat(consumer.next().body()).isEqualTo("before");

        ch.basicCancel(tag);
        assertThat(consumer.cancelOk.await(5, TimeUnit.SECONDS)).isTrue();
        publish(q, "after");
        assertThat(ch.basicGet(q, true).getBody()).asString(UTF_8).isEqualTo("after");
        assertThat(consumer.deliveries).isEmpty();
    }

    @Test
    void deletingTheQueueCancelsItsConsumersWithAServerSentBasicCancel() throws Exception {
        ch.queueDeclare("goes-away", false, false, false, null);
        Recorder consumer = new Recorder(ch);
        ch.basicConsume("goes-away", true, consumer);

        Channel admin = connection.createChannel();
        admin.queueDelete("goes-away");

        assertThat(consumer.cancelledByServer.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void mandatoryPublishThatCannotBeRoutedIsReturnedWith312NoRoute() throws Exception {
        BlockingQueue<Return> returns = new LinkedBlockingQueue<>();
        ch.addReturnListener(returns::add);
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId("m-1").build();

        ch.basicPublish("amq.direct", "nowhere", true, props, "lost".getBytes(UTF_8));
        ch.basicPublish("amq.direct", "nowhere", false, props, "dropped".getBytes(UTF_8));

        Return r = returns.poll(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.getReplyCode()).isEqualTo(312);
        assertThat(r.getReplyText()).isEqualTo("NO_ROUTE");
        assertThat(r.getExchange()).isEqualTo("amq.direct");
        assertThat(r.getRoutingKey()).isEqualTo("nowhere");
        assertThat(r.getProperties().getMessageId()).isEqualTo("m-1");
        assertThat(new String(r.getBody(), UTF_8)).isEqualTo("lost");
        String q = ch.queueDeclare().getQueue();
        ch.basicPublish("", q, true, null, "routed".getBytes(UTF_8));
        assertThat(ch.basicGet(q, true)).isNotNull();
        assertThat(returns).isEmpty();
    }

    @Test
    void getReturnsMessagesWithTheRemainingCountAndNullWhenEmpty() throws Exception {
        String q = ch.queueDeclare().getQueue();
        publish(q, "a");
        publish(q, "b");

        GetResponse first = ch.basicGet(q, true);
        assertThat(new String(first.getBody(), UTF_8)).isEqualTo("a");
        assertThat(first.getMessageCount()).isEqualTo(1);
        assertThat(first.getEnvelope().getRoutingKey()).isEqualTo(q);
        GetResponse second = ch.basicGet(q, true);
        assertThat(second.getMessageCount()).isZero();
        assertThat(ch.basicGet(q, true)).isNull();
    }

    @Test
    void ackWithMultipleSettlesEveryEarlierDelivery() throws Exception {
        String q = ch.queueDeclare("acked", false, false, false, null).getQueue();
        for (int i = 0; i < 4; i++) {
            publish(q, "m" + i);
        }
        Channel consumerChannel = connection.createChannel();
        Recorder consumer = new Recorder(consumerChannel);
        consumerChannel.basicConsume(q, false, consumer);
        consumer.next();
        consumer.next();
        Received third = consumer.next();
        consumer.next();

        consumerChannel.basicAck(third.envelope().getDeliveryTag(), true);
        consumerChannel.close();

        GetResponse left = ch.basicGet(q, true);
        assertThat(new String(left.getBody(), UTF_8)).isEqualTo("m3");
        assertThat(left.getEnvelope().isRedeliver()).isTrue();
        assertThat(ch.basicGet(q, true)).isNull();
    }

    @Test
    void nackWithMultipleAndRequeueRedeliversEveryEarlierDeliveryFlaggedRedelivered() throws Exception {
        String q = ch.queueDeclare().getQueue();
        publish(q, "a");
        publish(q, "b");
        GetResponse a = ch.basicGet(q, false);
        GetResponse b = ch.basicGet(q, false);

        ch.basicNack(b.getEnvelope().getDeliveryTag(), true, true);

        GetResponse again = ch.basicGet(q, false);
        assertThat(again.getEnvelope().isRedeliver()).isTrue();
        assertThat(new String(again.getBody(), UTF_8)).isEqualTo("a");
        GetResponse againB = ch.basicGet(q, false);
        assertThat(againB.getEnvelope().isRedeliver()).isTrue();
        assertThat(new String(againB.getBody(), UTF_8)).isEqualTo("b");
        assertThat(a.getEnvelope().isRedeliver()).isFalse();
    }

    @Test
    void nackWithoutRequeueDropsTheMessage() throws Exception {
        String q = ch.queueDeclare().getQueue();
        publish(q, "a");
        GetResponse a = ch.basicGet(q, false);
        ch.basicNack(a.getEnvelope().getDeliveryTag(), false, false);
        assertThat(ch.basicGet(q, false)).isNull();
    }

    @Test
    void rejectWithRequeueRedeliversAndWithoutDropsTheMessage() throws Exception {
        String q = ch.queueDeclare().getQueue();
        publish(q, "a");
        GetResponse first = ch.basicGet(q, false);
        ch.basicReject(first.getEnvelope().getDeliveryTag(), true);

        GetResponse second = ch.basicGet(q, false);
        assertThat(second.getEnvelope().isRedeliver()).isTrue();
        ch.basicReject(second.getEnvelope().getDeliveryTag(), false);
        assertThat(ch.basicGet(q, false)).isNull();
    }

    @Test
    void recoverRedeliversUnacknowledgedMessagesToTheConsumer() throws Exception {
        String q = ch.queueDeclare().getQueue();
        Recorder consumer = new Recorder(ch);
        ch.basicConsume(q, false, consumer);
        publish(q, "a");
        assertThat(consumer.next().envelope().isRedeliver()).isFalse();

        ch.basicRecover(true);

        Received again = consumer.next();
        assertThat(again.body()).isEqualTo("a");
        assertThat(again.envelope().isRedeliver()).isTrue();
        ch.basicAck(again.envelope().getDeliveryTag(), false);
    }

    @Test
    void closingAChannelRequeuesItsUnacknowledgedMessages() throws Exception {
        String q = ch.queueDeclare().getQueue();
        publish(q, "a");
        Channel consumerChannel = connection.createChannel();
        assertThat(consumerChannel.basicGet(q, false)).isNotNull();
        assertThat(ch.queueDeclarePassive(q).getMessageCount()).isZero();

        consumerChannel.close();

        GetResponse again = ch.basicGet(q, true);
        assertThat(again.getEnvelope().isRedeliver()).isTrue();
    }

    @Test
    void ackingAnUnknownDeliveryTagClosesTheChannelWith406() throws Exception {
        ch.basicAck(42, false);
        AMQP.Channel.Close close = ClosedBy.awaitChannelClose(ch);
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).startsWith("PRECONDITION_FAILED - unknown delivery tag 42");
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void publishToAMissingExchangeClosesTheChannelWith404() throws Exception {
        ch.basicPublish("no-such-exchange", "k", null, "x".getBytes(UTF_8));
        AMQP.Channel.Close close = ClosedBy.awaitChannelClose(ch);
        assertThat(close.getReplyCode()).isEqualTo(404);
        assertThat(close.getReplyText()).contains("no-such-exchange");
        assertThat(connection.isOpen()).isTrue();
        assertThat(connection.createChannel().queueDeclare().getQueue()).isNotEmpty();
    }

    @Test
    void largeMessagesSpanningManyFramesArriveWhole() throws Exception {
        String q = ch.queueDeclare().getQueue();
        byte[] body = new byte[1_000_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        ch.basicPublish("", q, null, body);
        assertThat(ch.basicGet(q, true).getBody()).isEqualTo(body);
    }
}
