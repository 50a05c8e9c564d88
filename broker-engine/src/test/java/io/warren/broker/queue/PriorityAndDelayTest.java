package io.warren.broker.queue;

import static io.warren.broker.EngineFixture.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.EngineFixture;
import io.warren.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriorityAndDelayTest {
    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = EngineFixture.start();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void publish(String queue, String body, int priority, long deliveryTime) {
        f.channel.publish("", queue, Message.builder().priority(priority).deliveryTime(deliveryTime)
                .body(body.getBytes(StandardCharsets.UTF_8)).build()).join();
    }

    @Test
    void higherPriorityIsDeliveredFirstAndFifoWithinAPriority() {
        f.declare("p", Map.of(QueueArguments.MAX_PRIORITY, 9));
        publish("p", "low-1", 1, 0);
        publish("p", "high-1", 8, 0);
        publish("p", "mid", 4, 0);
        publish("p", "low-2", 1, 0);
        publish("p", "high-2", 8, 0);
        assertThat(f.drain("p")).containsExactly("high-1", "high-2", "mid", "low-1", "low-2");
    }

    @Test
    void prioritiesAboveTheMaximumCountAsTheMaximum() {
        f.declare("p", Map.of(QueueArguments.MAX_PRIORITY, 2));
        publish("p", "a", 9, 0);
        publish("p", "b", 2, 0);
        publish("p", "c", 0, 0);
        assertThat(f.drain("p")).containsExactly("a", "b", "c");
    }

    @Test
    void withoutMaxPriorityTheQueueIsFifo() {
        f.declare("p", Map.of());
        publish("p", "a", 1, 0);
        publish("p", "b", 9, 0);
        assertThat(f.drain("p")).containsExactly("a", "b");
    }

    @Test
    void requeuedMessagesReturnToTheirPriorityPosition() throws Exception {
        f.declare("p", Map.of(QueueArguments.MAX_PRIORITY, 9));
        publish("p", "high", 9, 0);
        publish("p", "low", 0, 0);
        Delivery high = f.channel.get("p", false, null);
        f.channel.nack(high.deliveryTag(), false, true);
        assertThat(f.drain("p")).containsExactly("high", "low");
    }

    @Test
    void delayedMessageIsHeldUntilItsDeliveryTimeThenPushed() throws Exception {
        f.declare("d", Map.of());
        long at = System.currentTimeMillis() + 150;
        publish("d", "later", 4, at);
        publish("d", "now", 4, 0);
        BlockingQueue<Delivery> in = f.consume("d", ConsumeOptions.prefetch(10).withAutoAck(true));
        List<Delivery> got = take(in, 2);
        assertThat(EngineFixture.body(got.get(0))).isEqualTo("now");
        assertThat(EngineFixture.body(got.get(1))).isEqualTo("later");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(at);
    }
}
