package io.warren.server.management.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.message.Message;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateSamplerTest {
    private static final long SECOND = 1_000_000_000L;

    private final Broker broker = Broker.start(BrokerConfig.builder("rates-" + System.nanoTime()).build());
    private final AtomicLong clock = new AtomicLong();
    private final RateSampler sampler = new RateSampler(broker, clock::get);
    private final Channel channel = broker.defaultVirtualHost().connect("test").createChannel();

    @AfterEach
    void stop() {
        broker.close();
    }

    private void publish(String queue, int n) {
        for (int i = 0; i < n; i++) {
            channel.publish("", queue, Message.builder().body(new byte[] {1}).build()).join();
        }
    }

    @Test
    void ratesAreDeltasPerSecondBetweenTheLastTwoSamples() {
        channel.queueDeclare("a", true, false, false, Map.of());
        channel.queueDeclare("b", true, false, false, Map.of());
        sampler.sample();
        publish("a", 10);
        publish("b", 4);
        channel.get("a", true, null);
        clock.addAndGet(2 * SECOND);
        sampler.sample();

        assertThat(sampler.queue("/", "a").publish()).isEqualTo(5.0);
        assertThat(sampler.queue("/", "a").deliverGet()).isEqualTo(0.5);
        assertThat(sampler.queue("/", "b").publish()).isEqualTo(2.0);
        assertThat(sampler.virtualHost("/").publish()).isEqualTo(7.0);
        assertThat(sampler.total().publish()).isEqualTo(7.0);
        assertThat(sampler.virtualHost("other").publish()).isZero();

        clock.addAndGet(SECOND);
        sampler.sample();
        assertThat(sampler.total().publish()).isZero();
    }

    @Test
    void aQueueIsZeroUntilSampledTwiceAndGoneOnceDeleted() {
        sampler.sample();
        channel.queueDeclare("late", true, false, false, Map.of());
        publish("late", 3);
        clock.addAndGet(SECOND);
        sampler.sample();
        assertThat(sampler.queue("/", "late")).isEqualTo(MessageRates.ZERO);

        publish("late", 3);
        clock.addAndGet(SECOND);
        sampler.sample();
        assertThat(sampler.queue("/", "late").publish()).isEqualTo(3.0);

        channel.queueDelete("late", false, false);
        clock.addAndGet(SECOND);
        sampler.sample();
        assertThat(sampler.queue("/", "late")).isEqualTo(MessageRates.ZERO);
        assertThat(sampler.total()).isEqualTo(MessageRates.ZERO);
    }
}
