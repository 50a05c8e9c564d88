package io.warren.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The meters of one queue, tagged {@code vhost} and {@code queue}: its {@link QueueFigure#GAUGES gauges}, which
 * read {@code NaN} once the queue is gone, and its {@link QueueFigure#COUNTERS counters}, which keep the last
 * figures seen. Created and removed under the lock of the {@link QueueCatalog} that owns them.
 */
final class QueueMeters {
    private final QueueSampler sampler;
    private final List<Meter> meters;

    private QueueMeters(QueueSampler sampler, List<Meter> meters) {
        this.sampler = sampler;
        this.meters = meters;
    }

    static QueueMeters register(MeterRegistry registry, QueueSampler sampler) {
        Tags tags = Tags.of("vhost", sampler.key().virtualHost(), "queue", sampler.key().queue());
        List<Meter> meters = new ArrayList<>();
        for (QueueFigure g : QueueFigure.GAUGES) {
            // Strong: the registry keeps the sampler, which the weakly held counters below share.
            meters.add(Gauge.builder(g.perQueueName(), sampler, s -> gaugeValue(s, g))
                    .tags(tags).description(g.description()).baseUnit(g.baseUnit()).strongReference(true)
                    .register(registry));
        }
        for (QueueFigure c : QueueFigure.COUNTERS) {
            meters.add(FunctionCounter.builder(c.perQueueName(), sampler, s -> c.of(s.sample().statistics()))
                    .tags(tags).description(c.description()).register(registry));
        }
        return new QueueMeters(sampler, List.copyOf(meters));
    }

    private static double gaugeValue(QueueSampler sampler, QueueFigure gauge) {
        QueueSampler.Sample s = sampler.sample();
        return s.present() ? gauge.of(s.statistics()) : Double.NaN;
    }

    QueueSampler sampler() {
        return sampler;
    }

    void remove(MeterRegistry registry) {
        for (Meter m : meters) {
            registry.remove(m);
        }
    }
}
