package io.warren.broker;

import java.util.Map;

/**
 * A queue's name (generated for server-named queues), ready message count, consumer count, the properties
 * it was declared with, and how many of its messages consumers hold unacknowledged.
 */
public record QueueInfo(String name, int messageCount, int consumerCount, boolean durable, boolean exclusive,
                        boolean autoDelete, Map<String, Object> arguments, int unacknowledgedCount) {
}
