package io.warren.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.warren.broker.Broker;
import io.warren.broker.Channel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerMetricsLifecycleTest {

    @Test
    void queuesThatExistWhenBindingAreMetered() {
        try (Broker broker = Broker.start(MeteredBroker.config().build())) {
            Channel ch = broker.defaultVirtualHost().connect("c").createChannel();
            ch.queueDeclare("early", false, false, false, Map.of());
            ch.publish("", "early", MeteredBroker.text("x")).join();
            MeterRegistry registry = new SimpleMeterRegistry();

            try (BrokerMetrics metrics = new BrokerMetrics(broker)) {
                metrics.bindTo(registry);

                assertThat(registry.get("warren.queue.messages.ready").tags("vhost", "/", "queue", "early").gauge()
                        .value()).isEqualTo(1.0);
                assertThat(registry.get("warren.queue.messages.published").tags("queue", "early").functionCounter()
                        .count()).isEqualTo(1.0);
            }
        }
    }

    @Test
    void closeRemovesEveryMeterAndStopsFollowingQueues() {
        MeteredBroker b = MeteredBroker.start();
        try {
            b.declare("q");
            assertThat(b.registry.getMeters()).isNotEmpty();

            b.metrics.close();
            assertThat(b.registry.getMeters()).isEmpty();

            b.declare("after");
            b.broker.createVirtualHost("later");
            assertThat(b.registry.getMeters()).isEmpty();
        } finally {
            b.close();
        }
    }

    @Test
    void bindingTwiceOrAfterCloseIsRefused() {
        try (MeteredBroker b = MeteredBroker.start()) {
            assertThatThrownBy(() -> b.metrics.bindTo(new SimpleMeterRegistry()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CompositeMeterRegistry");

            b.metrics.close();
            assertThatThrownBy(() -> b.metrics.bindTo(new SimpleMeterRegistry()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void closingUnboundMetricsIsHarmless() {
        try (Broker broker = Broker.start(MeteredBroker.config().build())) {
            BrokerMetrics metrics = new BrokerMetrics(broker);
            metrics.close();
            metrics.close();
        }
    }

    @Test
    void negativeStatisticsMaxAgeIsRefused() {
        try (Broker broker = Broker.start(MeteredBroker.config().build())) {
            assertThatThrownBy(() -> new BrokerMetrics(broker, Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statisticsMaxAge");
        }
    }

    @Test
    void oneSnapshotServesAQueuesMetersUntilItIsOlderThanTheMaxAge() {
        try (MeteredBroker b = MeteredBroker.start(Duration.ofHours(1))) {
            b.declare("q");
            assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isZero();

            b.publish("q", 1);

            assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isZero();
            assertThat(b.queueCounter("warren.queue.messages.published", "q")).isZero();
        }
    }

    @Test
    void metersCatchUpOnceTheSnapshotExpires() {
        try (MeteredBroker b = MeteredBroker.start(BrokerMetrics.DEFAULT_STATISTICS_MAX_AGE)) {
            b.declare("q");
            assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isZero();

            b.publish("q", 1);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> b.queueGauge("warren.queue.messages.ready", "q") == 1.0);
            assertThat(b.counter("warren.messages.published")).isEqualTo(1.0);
        }
    }
}
