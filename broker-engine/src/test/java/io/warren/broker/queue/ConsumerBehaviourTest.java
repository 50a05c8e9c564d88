package io.warren.broker.queue;

import static io.warren.broker.EngineFixture.body;
import static io.warren.broker.EngineFixture.take;
import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.EngineFixture;
import io.warren.broker.ErrorCode;
import io.warren.message.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsumerBehaviourTest {
    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = EngineFixture.start();
        f.declare("q", Map.of());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void consumerGetsNoMoreThanItsPrefetchUntilItAcks() throws Exception {
        for (int i = 0; i < 5; i++) {
            f.send("q", "m" + i);
        }
        BlockingQueue<Delivery> in = f.consume("q", ConsumeOptions.prefetch(2));
        List<Delivery> first = take(in, 2);
        assertThat(in.poll(50, TimeUnit.MILLISECONDS)).isNull();
        f.channel.ack(first.get(1).deliveryTag(), true);
        assertThat(take(in, 2)).extracting(EngineFixture::body).containsExactly("m2", "m3");
    }

    @Test
    void handedOutDeliveriesStopCountingAgainstThePrefetchButStayUnsettled() throws Exception {
        for (int i = 0; i < 5; i++) {
            f.send("q", "m" + i);
        }
        BlockingQueue<Delivery> in = f.consume("q", ConsumeOptions.prefetch(2));
        List<Delivery> first = take(in, 2);
        f.channel.handedOut(List.of(first.get(0).deliveryTag(), first.get(1).deliveryTag()));
        List<Delivery> next = take(in, 2);
        assertThat(next).extracting(EngineFixture::body).containsExactly("m2", "m3");
        assertThat(f.channel.unacknowledgedCount()).isEqualTo(4);
        f.channel.ack(first.get(0).deliveryTag(), false);
        assertThat(in.poll(50, TimeUnit.MILLISECONDS)).isNull();
        f.channel.handedOut(List.of(next.get(0).deliveryTag()));
        assertThat(EngineFixture.body(take(in, 1).get(0))).isEqualTo("m4");
    }

    @Test
    void selectorConsumerLeavesNonMatchingMessagesForOthers() throws Exception {
        f.channel.publish("", "q", Message.builder().header("color", "red").body(new byte[] {1}).build()).join();
        f.channel.publish("", "q", Message.builder().header("color", "blue").body(new byte[] {2}).build()).join();
        BlockingQueue<Delivery> reds = f.consume("q", ConsumeOptions.prefetch(10).withSelector("color = 'red'"));
        assertThat(take(reds, 1).get(0).message().header("color")).isEqualTo("red");
        assertThat(reds.poll(50, TimeUnit.MILLISECONDS)).isNull();
        BlockingQueue<Delivery> all = f.consume("q", ConsumeOptions.prefetch(10));
        assertThat(take(all, 1).get(0).message().header("color")).isEqualTo("blue");
    }

    @Test
    void selectorConsumerSeesMessagesArrivingAfterNonMatchingBacklog() throws Exception {
        for (int i = 0; i < 1000; i++) {
            f.channel.publish("", "q", Message.builder().header("n", i).build()).join();
        }
        BlockingQueue<Delivery> in = f.consume("q", ConsumeOptions.prefetch(0).withSelector("n >= 1000"));
        f.channel.publish("", "q", Message.builder().header("n", 1000).build()).join();
        assertThat(take(in, 1).get(0).message().header("n")).isEqualTo(1000);
        assertThat(f.channel.queueDeclarePassive("q").messageCount()).isEqualTo(1000);
    }

    @Test
    void messagesAreDistributedRoundRobin() throws Exception {
        BlockingQueue<Delivery> a = f.consume("q", ConsumeOptions.prefetch(0).withAutoAck(true));
        BlockingQueue<Delivery> b = f.consume("q", ConsumeOptions.prefetch(0).withAutoAck(true));
        for (int i = 0; i < 10; i++) {
            f.send("q", "m" + i);
        }
        assertThat(take(a, 5)).extracting(EngineFixture::body).containsExactly("m0", "m2", "m4", "m6", "m8");
        assertThat(take(b, 5)).extracting(EngineFixture::body).containsExactly("m1", "m3", "m5", "m7", "m9");
    }

    @Test
    void requeuedMessageComesBackFirstMarkedRedelivered() throws Exception {
        f.send("q", "a");
        f.send("q", "b");
        Delivery a = f.channel.get("q", false, null);
        assertThat(a.redelivered()).isFalse();
        f.channel.nack(a.deliveryTag(), false, true);
        Delivery again = f.channel.get("q", false, null);
        assertThat(body(again)).isEqualTo("a");
        assertThat(again.redelivered()).isTrue();
        assertThat(again.deliveryCount()).isEqualTo(2);
    }

    @Test
    void releasedMessagesDoNotCountAsDelivered() {
        f.send("q", "a");
        Delivery a = f.channel.get("q", false, null);
        f.channel.release(List.of(a.deliveryTag()));
        Delivery again = f.channel.get("q", false, null);
        assertThat(again.redelivered()).isFalse();
        assertThat(again.deliveryCount()).isEqualTo(1);
    }

    @Test
    void closingTheChannelRequeuesUnacknowledgedDeliveries() throws Exception {
        f.send("q", "a");
        Channel other = f.connection.createChannel();
        BlockingQueue<Delivery> in = EngineFixture.consume(other, "q", ConsumeOptions.prefetch(5));
        take(in, 1);
        other.close();
        Delivery d = f.channel.get("q", true, null);
        assertThat(body(d)).isEqualTo("a");
        assertThat(d.redelivered()).isTrue();
    }

    @Test
    void browseShowsMessagesWithoutRemovingThem() {
        f.send("q", "a");
        f.channel.publish("", "q", Message.builder().header("k", 1).body("b".getBytes()).build()).join();
        assertThat(f.channel.browse("q", null)).extracting(EngineFixture::body).containsExactly("a", "b");
        assertThat(f.channel.browse("q", "k = 1")).extracting(EngineFixture::body).containsExactly("b");
        assertThat(f.drain("q")).containsExactly("a", "b");
    }

    @Test
    void noLocalConsumerDoesNotSeeItsOwnConnectionsMessages() throws Exception {
        ClientConnection other = f.host.connect("other");
        Channel otherChannel = other.createChannel();
        BlockingQueue<Delivery> in = f.consume("q", ConsumeOptions.prefetch(10).withNoLocal(true).withAutoAck(true));
        f.channel.publish("", "q", text("mine")).join();
        otherChannel.publish("", "q", text("theirs")).join();
        assertThat(body(take(in, 1).get(0))).isEqualTo("theirs");
        other.close();
    }

    @Test
    void exclusiveConsumerKeepsOthersOut() {
        f.consume("q", ConsumeOptions.prefetch(1).withExclusive(true));
        assertThatThrownBy(() -> f.consume("q", ConsumeOptions.prefetch(1)))
                .isInstanceOf(BrokerException.class).extracting("code").isEqualTo(ErrorCode.ACCESS_REFUSED);
    }

    @Test
    void exclusiveQueueBelongsToItsConnectionAndDiesWithIt() {
        ClientConnection owner = f.host.connect("owner");
        owner.createChannel().queueDeclare("mine", false, true, false, Map.of());
        assertThatThrownBy(() -> f.channel.get("mine", true, null))
                .isInstanceOf(BrokerException.class).extracting("code").isEqualTo(ErrorCode.RESOURCE_LOCKED);
        owner.close();
        assertThat(f.host.hasQueue("mine")).isFalse();
    }

    @Test
    void autoDeleteQueueIsDeletedWhenItsLastConsumerLeaves() {
        f.channel.queueDeclare("auto", false, false, true, Map.of());
        String tag = f.channel.consume("auto", ConsumeOptions.prefetch(1), d -> { });
        f.channel.cancel(tag);
        assertThat(f.host.hasQueue("auto")).isFalse();
    }

    @Test
    void unusedQueueExpiresAfterXExpires() {
        f.channel.queueDeclare("short-lived", false, false, false, Map.of(QueueArguments.EXPIRES, 50));
        await().atMost(EngineFixture.timeout()).until(() -> !f.host.hasQueue("short-lived"));
    }

    @Test
    void deletingAQueueCancelsItsConsumers() throws Exception {
        BlockingQueue<String> cancelled = new java.util.concurrent.LinkedBlockingQueue<>();
        f.channel.consume("q", ConsumeOptions.prefetch(1), new io.warren.broker.DeliveryListener() {
            @Override
            public void onDelivery(Delivery delivery) {
            }

            @Override
            public void onCancel(String consumerTag) {
                cancelled.add(consumerTag);
            }
        });
        f.channel.queueDelete("q", false, false);
        assertThat(cancelled.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void purgeRemovesReadyMessagesOnly() {
        f.send("q", "a");
        f.send("q", "b");
        Delivery held = f.channel.get("q", false, null);
        assertThat(f.channel.queuePurge("q")).isEqualTo(1);
        f.channel.nack(held.deliveryTag(), false, true);
        assertThat(f.drain("q")).containsExactly("a");
    }
}
