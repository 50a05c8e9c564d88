package io.warren.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums over all queues of all virtual hosts, untagged: gauges {@code warren.messages.ready}, {@code .unacked}
 * and {@code .ready.bytes} over the existing queues, and the {@link QueueFigure#COUNTERS counters}
 * {@code warren.messages.published} etc., which keep counting deleted queues as {@link QueueCatalog} explains.
 */
final class TotalMeters {
    private TotalMeters() {
    }

    static List<Meter> register(MeterRegistry registry, QueueCatalog catalog) {
        List<Meter> meters = new ArrayList<>();
        for (QueueFigure g : List.of(QueueFigure.READY, QueueFigure.UNACKED, QueueFigure.READY_BYTES)) {
            // Strong: the registry keeps the catalog, which the weakly held counters below share.
            meters.add(Gauge.builder(g.totalName(), catalog, c -> c.sum(g, null))
                    .description(g.description() + ", summed over all queues").baseUnit(g.baseUnit())
                    .strongReference(true).register(registry));
        }
        for (QueueFigure c : QueueFigure.COUNTERS) {
            meters.add(FunctionCounter.builder(c.totalName(), catalog, cat -> cat.total(c))
                    .description(c.description() + ", summed over all queues, deleted ones included")
                    .register(registry));
        }
        return meters;
    }
}
