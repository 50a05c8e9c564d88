package io.warren.benchmarks;

import io.warren.benchmarks.engine.EngineQueueWorkload;
import io.warren.benchmarks.engine.SelectorEvaluationWorkload;
import io.warren.benchmarks.engine.TopicRoutingWorkload;
import io.warren.benchmarks.jms.PersistentQueueWorkload;
import io.warren.benchmarks.jms.QueueThroughputWorkload;
import io.warren.benchmarks.jms.SelectorQueueWorkload;
import io.warren.benchmarks.jms.TopicFanoutWorkload;
import io.warren.benchmarks.jms.TransactedBatchWorkload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every workload, in the order a full run goes through them, and selection by id. */
public final class Workloads {
    private Workloads() {
    }

    /** All workloads: engine level first, then JMS, persistent ones last. */
    public static List<Workload> all() {
        return List.of(
                new EngineQueueWorkload(),
                new TopicRoutingWorkload(),
                new SelectorEvaluationWorkload(),
                new QueueThroughputWorkload(),
                new TopicFanoutWorkload(),
                new SelectorQueueWorkload(),
                new PersistentQueueWorkload("W2", 1),
                new PersistentQueueWorkload("W2c", 8),
                new TransactedBatchWorkload());
    }

    /**
     * The workloads with the given ids (case-insensitive) in the order of {@link #all()}; all of them for an
     * empty list.
     *
     * @throws IllegalArgumentException for an id that names no workload
     */
    public static List<Workload> select(List<String> ids) {
        Map<String, Workload> byId = new LinkedHashMap<>();
        for (Workload w : all()) {
            byId.put(w.id().toUpperCase(Locale.ROOT), w);
        }
        if (ids.isEmpty()) {
            return List.copyOf(byId.values());
        }
        for (String id : ids) {
            if (!byId.containsKey(id.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("unknown workload '" + id + "': known are "
                        + byId.values().stream().map(Workload::id).toList());
            }
        }
        List<Workload> selected = new ArrayList<>();
        for (Map.Entry<String, Workload> e : byId.entrySet()) {
            if (ids.stream().anyMatch(id -> id.equalsIgnoreCase(e.getKey()))) {
                selected.add(e.getValue());
            }
        }
        return selected;
    }
}
