package io.warren.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.broker.ErrorCode;
import io.warren.message.Message;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryFlowControlTest {
    private static Message kib() {
        return Message.builder().body(new byte[1024]).build();
    }

    @Test
    void withoutPagingPublishersAreRefusedWithAClearErrorWhenQueuesHoldTooMuch() {
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-refuse").maxMemory(64 * 1024).memoryWait(50).paging(false).build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("q", false, false, false, Map.of());
            int accepted = 0;
            BrokerException refused = null;
            for (int i = 0; i < 1000 && refused == null; i++) {
                try {
                    ch.publish("", "q", kib()).join();
                    accepted++;
                } catch (BrokerException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.RESOURCE_ERROR);
            assertThat(refused.getMessage()).contains("flow-refuse").contains("limit");
            assertThat(accepted).isBetween(40, 64);
            assertThat(ch.queueDeclarePassive("q").messageCount()).isEqualTo(accepted);
            ch.queuePurge("q");
            assertThat(broker.memory().used()).isZero();
            ch.publish("", "q", kib()).join();
        }
    }

    @Test
    void blockedPublisherResumesWhenAConsumerFreesMemory() throws Exception {
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-block").maxMemory(32 * 1024).memoryWait(10_000).paging(false).build())) {
            Channel producer = broker.defaultVirtualHost().connect("p").createChannel();
            Channel consumer = broker.defaultVirtualHost().connect("c").createChannel();
            producer.queueDeclare("q", false, false, false, Map.of());
            while (broker.memory().used() < broker.memory().limit()) {
                producer.publish("", "q", kib()).join();
            }
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> producer.publish("", "q", kib()).join());
            assertThat(blocked).isNotDone();
            while (!blocked.isDone()) {
                if (consumer.get("q", true, null) == null) {
                    break;
                }
            }
            blocked.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void acknowledgingAndDeletingReturnAllAccountedMemory() {
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-account").build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("a", false, false, false, Map.of());
            ch.queueDeclare("b", false, false, false, Map.of());
            for (int i = 0; i < 100; i++) {
                ch.publish("", "a", kib());
                ch.publish("", "b", kib());
            }
            long tag = ch.get("a", false, null).deliveryTag();
            ch.queueDelete("a", false, false);
            ch.ack(tag, false);
            assertThat(broker.memory().used()).isPositive();
            while (ch.get("b", true, null) != null) {
                // drain
            }
            assertThat(broker.memory().used()).isZero();
            assertThatThrownBy(() -> BrokerConfig.builder("x").maxMemory(0))
                    .isInstanceOf(BrokerException.class).hasMessageContaining("maxMemory");
        }
    }

    @Test
    void capacityListenersHearWhenMemoryFallsBackBelowTheLimit() {
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-listen").maxMemory(8 * 1024).memoryWait(0).paging(false).build())) {
            java.util.concurrent.atomic.AtomicInteger resumed = new java.util.concurrent.atomic.AtomicInteger();
            broker.memory().addCapacityListener(resumed::incrementAndGet);
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("q", false, false, false, Map.of());
            while (broker.memory().hasCapacity()) {
                ch.publish("", "q", kib()).join();
            }
            assertThat(resumed.get()).isZero();

            ch.queuePurge("q");

            assertThat(broker.memory().hasCapacity()).isTrue();
            assertThat(resumed.get()).isEqualTo(1);
        }
    }
}
