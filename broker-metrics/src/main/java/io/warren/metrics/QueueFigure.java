package io.warren.metrics;

import io.micrometer.core.instrument.binder.BaseUnits;
import io.warren.broker.queue.QueueStatistics;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What a queue's meters report, from its {@link QueueStatistics}: current state, published as gauges, and
 * running totals, published as function counters. Each has a per-queue meter {@code warren.queue.<suffix>}
 * and a sum over all queues {@code warren.<suffix>} (consumers are summed per virtual host instead, as
 * {@code warren.consumers}).
 */
enum QueueFigure {
    READY("messages.ready", false, "Messages ready for delivery, delayed ones included", null,
            QueueStatistics::ready),
    UNACKED("messages.unacked", false, "Messages delivered and not yet acknowledged", null,
            QueueStatistics::unacknowledged),
    READY_BYTES("messages.ready.bytes", false, "Body bytes of the messages available for delivery now",
            BaseUnits.BYTES, QueueStatistics::readyBytes),
    CONSUMERS("consumers", false, "Consumers attached", null, QueueStatistics::consumers),
    PUBLISHED("messages.published", true, "Messages the queue accepted (publishes and moves, not recovered ones)",
            null, QueueStatistics::published),
    DELIVERED("messages.delivered", true, "Deliveries to consumers and by basic.get, redeliveries included", null,
            QueueStatistics::delivered),
    REDELIVERED("messages.redelivered", true, "Deliveries of a message that had been delivered before", null,
            QueueStatistics::redelivered),
    ACKNOWLEDGED("messages.acknowledged", true,
            "Messages settled by an acknowledgement (not auto-acknowledged ones)", null,
            QueueStatistics::acknowledged),
    DEAD_LETTERED("messages.dead.lettered", true, "Messages sent to the queue's dead-letter exchange", null,
            QueueStatistics::deadLettered),
    DISCARDED("messages.discarded", true,
            "Messages expired, rejected or dropped over a limit with no dead-letter exchange", null,
            QueueStatistics::discarded);

    /** The current-state figures, published as gauges. */
    static final List<QueueFigure> GAUGES = Arrays.stream(values()).filter(f -> !f.cumulative).toList();
    /** The running totals, published as function counters. */
    static final List<QueueFigure> COUNTERS = Arrays.stream(values()).filter(f -> f.cumulative).toList();

    private final String suffix;
    private final boolean cumulative;
    private final String description;
    private final String baseUnit;
    private final ToLongFunction<QueueStatistics> figure;

    QueueFigure(String suffix, boolean cumulative, String description, String baseUnit,
                ToLongFunction<QueueStatistics> figure) {
        this.suffix = suffix;
        this.cumulative = cumulative;
        this.description = description;
        this.baseUnit = baseUnit;
        this.figure = figure;
    }

    String perQueueName() {
        return "warren.queue." + suffix;
    }

    String totalName() {
        return "warren." + suffix;
    }

    String description() {
        return description;
    }

    /** The unit Micrometer is told of, or null. */
    String baseUnit() {
        return baseUnit;
    }

    long of(QueueStatistics statistics) {
        return figure.applyAsLong(statistics);
    }
}
