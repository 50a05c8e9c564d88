package io.warren.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Channel;
import io.warren.message.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryMetersTest {
    private static Message kib() {
        return Message.builder().body(new byte[1024]).build();
    }

    @Test
    void memoryGaugesShowUseAndLimit() {
        try (MeteredBroker b = MeteredBroker.start(MeteredBroker.config().maxMemory(1 << 20).build())) {
            b.declare("q");
            assertThat(b.gauge("warren.memory.used.bytes")).isZero();
            assertThat(b.gauge("warren.memory.limit.bytes")).isEqualTo(1 << 20);

            b.channel.publish("", "q", kib()).join();

            assertThat(b.gauge("warren.memory.used.bytes")).isEqualTo(b.broker.memory().used()).isPositive();
            assertThat(b.gauge("warren.memory.alarm")).isZero();
        }
    }

    @Test
    void alarmIsRaisedAndWaitingPublishersCountedWhileTheLimitIsReached() throws Exception {
        try (MeteredBroker b = MeteredBroker.start(MeteredBroker.config().maxMemory(32 * 1024).memoryWait(10_000)
                .build())) {
            b.declare("q");
            while (b.broker.memory().hasCapacity()) {
                b.channel.publish("", "q", kib()).join();
            }
            assertThat(b.gauge("warren.memory.alarm")).isEqualTo(1.0);
            assertThat(b.gauge("warren.memory.blocked.publishers")).isZero();

            Channel producer = b.broker.defaultVirtualHost().connect("p").createChannel();
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> producer.publish("", "q", kib()).join());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> b.gauge("warren.memory.blocked.publishers") == 1.0);

            b.channel.queuePurge("q");
            blocked.get(10, TimeUnit.SECONDS);
            assertThat(b.gauge("warren.memory.alarm")).isZero();
            assertThat(b.gauge("warren.memory.blocked.publishers")).isZero();
        }
    }
}
