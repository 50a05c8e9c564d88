package io.warren.broker;

import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.exchange.ExchangeType;
import io.warren.message.Message;
import io.warren.broker.queue.QueueArguments;
import io.warren.broker.store.MemoryStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Restarting a broker on the same store brings back durable entities and persistent messages only. */
class BrokerRecoveryTest {
    private final MemoryStore store = new MemoryStore();

    @Test
    void durableStateAndPersistentMessagesSurviveARestart() {
        try (EngineFixture f = EngineFixture.start(() -> store)) {
            f.channel.exchangeDeclare("orders", ExchangeType.TOPIC, true, false, false, Map.of());
            f.channel.exchangeDeclare("scratch", ExchangeType.TOPIC, false, false, false, Map.of());
            f.channel.queueDeclare("eu", true, false, false, Map.of(QueueArguments.MAX_PRIORITY, 9));
            f.channel.queueDeclare("tmp", false, false, false, Map.of());
            f.channel.queueBind("eu", "orders", "order.eu.#", Map.of());
            f.channel.queueBind("tmp", "orders", "#", Map.of());
            f.channel.publish("orders", "order.eu.fr", Message.builder().persistent(true).priority(1)
                    .body("low".getBytes()).build()).join();
            f.channel.publish("orders", "order.eu.de", Message.builder().persistent(true).priority(7)
                    .header("n", 2).body("high".getBytes()).build()).join();
            f.channel.publish("orders", "order.eu.it", text("transient")).join();
            f.channel.publish("orders", "order.eu.es", Message.builder().persistent(true)
                    .body("acked".getBytes()).build()).join();
            Delivery acked = f.channel.get("eu", false, null);
            assertThat(EngineFixture.body(acked)).isEqualTo("high");
            f.channel.nack(acked.deliveryTag(), false, true);
        }
        try (EngineFixture f = EngineFixture.start(() -> store)) {
            assertThat(f.host.hasExchange("orders")).isTrue();
            assertThat(f.host.hasExchange("scratch")).isFalse();
            assertThat(f.host.hasQueue("tmp")).isFalse();
            Delivery first = f.channel.get("eu", true, null);
            assertThat(EngineFixture.body(first)).isEqualTo("high");
            assertThat(first.deliveryCount()).isEqualTo(2);
            assertThat(first.message().header("n")).isEqualTo(2);
            assertThat(f.drain("eu")).containsExactly("acked", "low");
            f.channel.publish("orders", "order.eu.nl", Message.builder().persistent(true).build()).join();
            assertThat(f.channel.queueDeclarePassive("eu").messageCount()).isEqualTo(1);
        }
        try (EngineFixture f = EngineFixture.start(() -> store)) {
            assertThat(f.channel.queueDeclarePassive("eu").messageCount()).isEqualTo(1);
            assertThat(store.messageCount()).isEqualTo(1);
        }
    }

    @Test
    void deletedEntitiesStayDeleted() {
        try (EngineFixture f = EngineFixture.start(() -> store)) {
            f.channel.queueDeclare("gone", true, false, false, Map.of());
            f.channel.publish("", "gone", Message.builder().persistent(true).build()).join();
            f.channel.queueDelete("gone", false, false);
        }
        try (EngineFixture f = EngineFixture.start(() -> store)) {
            assertThat(f.host.hasQueue("gone")).isFalse();
            assertThat(store.messageCount()).isZero();
        }
    }
}
