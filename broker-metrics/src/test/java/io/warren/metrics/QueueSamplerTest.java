package io.warren.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class QueueSamplerTest {

    @Test
    void deletedQueueIsReportedAbsentWithItsLastFigures() {
        try (MeteredBroker b = MeteredBroker.start()) {
            b.declare("q");
            b.publish("q", 2);
            QueueSampler sampler = new QueueSampler(b.broker, new QueueKey("/", "q"), 0);
            assertThat(sampler.sample().present()).isTrue();

            b.channel.queueDelete("q", false, false);

            QueueSampler.Sample gone = sampler.sample();
            assertThat(gone.present()).isFalse();
            assertThat(gone.statistics().published()).isEqualTo(2);
        }
    }

    @Test
    void gaugesOfAQueueWhoseMetersAreNotYetRemovedReadNaNAndCountersKeepTheirValue() {
        try (MeteredBroker b = MeteredBroker.start()) {
            b.declare("q");
            b.publish("q", 2);
            MeterRegistry registry = new SimpleMeterRegistry();
            QueueSampler sampler = new QueueSampler(b.broker, new QueueKey("/", "q"), 0);
            QueueMeters.register(registry, sampler);
            sampler.sample();

            b.channel.queueDelete("q", false, false);

            assertThat(registry.get("warren.queue.messages.ready").gauge().value()).isNaN();
            assertThat(registry.get("warren.queue.messages.published").functionCounter().count()).isEqualTo(2.0);
        }
    }

    @Test
    void queueOfAnUnknownVirtualHostIsAbsent() {
        try (MeteredBroker b = MeteredBroker.start()) {
            QueueSampler sampler = new QueueSampler(b.broker, new QueueKey("nowhere", "q"), 0);

            assertThat(sampler.sample().present()).isFalse();
            assertThat(sampler.last()).isEqualTo(QueueSampler.ZERO);
        }
    }
}
