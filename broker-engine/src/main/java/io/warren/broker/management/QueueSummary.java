package io.warren.broker.management;

import io.warren.broker.queue.QueueStatistics;
import java.util.Map;

/**
 * A queue's declaration and its statistics, for listing.
 *
 * @param owner      the id of the connection owning an exclusive queue, or null
 * @param arguments  declaration arguments, never null
 * @param statistics depth, consumers and running totals at the time of the snapshot
 */
public record QueueSummary(String name, boolean durable, boolean autoDelete, boolean exclusive, String owner,
                           Map<String, Object> arguments, QueueStatistics statistics) {
}
