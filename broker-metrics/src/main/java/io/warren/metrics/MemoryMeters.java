package io.warren.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.warren.broker.flow.MemoryGuard;
import java.util.List;

/**
 * Gauges of the broker's {@link MemoryGuard} (producer flow control): {@code warren.memory.used.bytes},
 * {@code warren.memory.limit.bytes}, {@code warren.memory.alarm} (1 while publishers would have to wait) and
 * {@code warren.memory.blocked.publishers}. Reads are lock-free.
 */
final class MemoryMeters {
    private MemoryMeters() {
    }

    static List<Meter> register(MeterRegistry registry, MemoryGuard memory) {
        return List.of(
                Gauge.builder("warren.memory.used.bytes", memory, MemoryGuard::used)
                        .description("Heap held by queued messages").baseUnit(BaseUnits.BYTES)
                        .strongReference(true).register(registry),
                Gauge.builder("warren.memory.limit.bytes", memory, MemoryGuard::limit)
                        .description("Heap queued messages may hold before publishers wait").baseUnit(BaseUnits.BYTES)
                        .strongReference(true).register(registry),
                Gauge.builder("warren.memory.alarm", memory, m -> m.hasCapacity() ? 0 : 1)
                        .description("1 while the memory limit is reached and publishers wait, else 0")
                        .strongReference(true).register(registry),
                Gauge.builder("warren.memory.blocked.publishers", memory, MemoryGuard::blockedPublishers)
                        .description("Publishers waiting for memory now").strongReference(true).register(registry));
    }
}
