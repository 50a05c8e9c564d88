package io.warren.broker.queue;

import static io.warren.broker.EngineFixture.body;
import static io.warren.broker.EngineFixture.take;
import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.EngineFixture;
import io.warren.broker.PublishResult;
import io.warren.broker.exchange.ExchangeType;
import io.warren.message.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetteringTest {
    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = EngineFixture.start();
        f.channel.exchangeDeclare("dlx", ExchangeType.FANOUT, true, false, false, Map.of());
        f.channel.queueDeclare("dead", true, false, false, Map.of());
        f.channel.queueBind("dead", "dlx", "", Map.of());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void declareWithDlx(String name, Map<String, Object> extra) {
        Map<String, Object> args = new HashMap<>(extra);
        args.put(QueueArguments.DEAD_LETTER_EXCHANGE, "dlx");
        f.declare(name, args);
    }

    private Delivery deadLetter() {
        await().atMost(EngineFixture.timeout()).until(() -> f.channel.queueDeclarePassive("dead").messageCount() > 0);
        return f.channel.get("dead", true, null);
    }

    @Test
    void expiredMessageIsDeadLetteredWithReasonExpired() {
        declareWithDlx("work", Map.of(QueueArguments.MESSAGE_TTL, 30));
        f.send("work", "late");
        Delivery d = deadLetter();
        assertThat(body(d)).isEqualTo("late");
        assertThat(d.message().header("x-first-death-reason")).isEqualTo("expired");
        assertThat(d.message().header("x-first-death-queue")).isEqualTo("work");
        assertThat(d.message().expiration()).isZero();
        assertThat(f.channel.queueDeclarePassive("work").messageCount()).isZero();
    }

    @Test
    void perMessageExpirationDeadLettersWithoutAnyConsumer() {
        declareWithDlx("work", Map.of());
        f.channel.publish("", "work", Message.builder().expiration(System.currentTimeMillis() + 30).build()).join();
        f.channel.publish("", "work", text("stays")).join();
        Delivery d = deadLetter();
        assertThat(d.message().header("x-last-death-reason")).isEqualTo("expired");
        assertThat(f.drain("work")).containsExactly("stays");
    }

    @Test
    void rejectedWithoutRequeueIsDeadLetteredWithReasonRejected() throws Exception {
        declareWithDlx("work", Map.of());
        f.send("work", "bad");
        BlockingQueue<Delivery> in = f.consume("work", ConsumeOptions.prefetch(10));
        Delivery d = take(in, 1).get(0);
        f.channel.reject(d.deliveryTag(), false);
        Delivery dead = deadLetter();
        assertThat(dead.message().header("x-first-death-reason")).isEqualTo("rejected");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deaths = (List<Map<String, Object>>) dead.message().header("x-death");
        assertThat(deaths).hasSize(1);
        assertThat(deaths.get(0)).containsEntry("queue", "work").containsEntry("reason", "rejected")
                .containsEntry("count", 1L);
    }

    @Test
    void dropHeadOverflowDeadLettersTheOldestWithReasonMaxlen() {
        declareWithDlx("work", Map.of(QueueArguments.MAX_LENGTH, 2));
        f.send("work", "1");
        f.send("work", "2");
        f.send("work", "3");
        Delivery dead = deadLetter();
        assertThat(body(dead)).isEqualTo("1");
        assertThat(dead.message().header("x-first-death-reason")).isEqualTo("maxlen");
        assertThat(f.drain("work")).containsExactly("2", "3");
    }

    @Test
    void maxLengthBytesCountsBodies() {
        f.declare("work", Map.of(QueueArguments.MAX_LENGTH_BYTES, 10));
        f.send("work", "12345");
        f.send("work", "67890");
        f.send("work", "abcde");
        assertThat(f.drain("work")).containsExactly("67890", "abcde");
    }

    @Test
    void rejectPublishRefusesAndKeepsTheQueue() {
        f.declare("work", Map.of(QueueArguments.MAX_LENGTH, 1, QueueArguments.OVERFLOW, "reject-publish"));
        assertThat(f.channel.publish("", "work", text("1")).join()).isEqualTo(PublishResult.ROUTED);
        assertThat(f.channel.publish("", "work", text("2")).join()).isEqualTo(PublishResult.REJECTED);
        assertThat(f.drain("work")).containsExactly("1");
    }

    @Test
    void rejectPublishDlxRefusesAndDeadLetters() {
        declareWithDlx("work", Map.of(QueueArguments.MAX_LENGTH, 1, QueueArguments.OVERFLOW, "reject-publish-dlx"));
        f.send("work", "1");
        assertThat(f.channel.publish("", "work", text("2")).join()).isEqualTo(PublishResult.REJECTED);
        Delivery dead = deadLetter();
        assertThat(body(dead)).isEqualTo("2");
        assertThat(dead.message().header("x-first-death-reason")).isEqualTo("maxlen");
    }

    @Test
    void exceedingTheDeliveryLimitDeadLettersWithReasonDeliveryLimit() throws Exception {
        declareWithDlx("work", Map.of(QueueArguments.DELIVERY_LIMIT, 2));
        f.send("work", "poison");
        BlockingQueue<Delivery> in = f.consume("work", ConsumeOptions.prefetch(1));
        for (int attempt = 1; attempt <= 3; attempt++) {
            Delivery d = take(in, 1).get(0);
            assertThat(d.deliveryCount()).isEqualTo(attempt);
            f.channel.nack(d.deliveryTag(), false, true);
        }
        Delivery dead = deadLetter();
        assertThat(dead.message().header("x-first-death-reason")).isEqualTo("delivery_limit");
    }

    @Test
    void deadLetterRoutingKeyReplacesTheOriginalKey() {
        f.channel.exchangeDeclare("dlx-direct", ExchangeType.DIRECT, true, false, false, Map.of());
        f.channel.queueDeclare("parking", true, false, false, Map.of());
        f.channel.queueBind("parking", "dlx-direct", "parked", Map.of());
        f.declare("work", Map.of(QueueArguments.DEAD_LETTER_EXCHANGE, "dlx-direct",
                QueueArguments.DEAD_LETTER_ROUTING_KEY, "parked", QueueArguments.MESSAGE_TTL, 10));
        f.send("work", "x");
        await().atMost(EngineFixture.timeout()).until(() -> f.channel.queueDeclarePassive("parking").messageCount() == 1);
        assertThat(f.channel.get("parking", true, null).message().routingKey()).isEqualTo("parked");
    }

    @Test
    void withoutDeadLetterExchangeExpiredMessagesAreDropped() {
        f.declare("work", Map.of(QueueArguments.MESSAGE_TTL, 10));
        f.send("work", "x");
        await().atMost(EngineFixture.timeout()).until(() -> f.channel.queueDeclarePassive("work").messageCount() == 0);
    }
}
