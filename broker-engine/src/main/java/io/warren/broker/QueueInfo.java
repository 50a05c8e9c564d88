package io.warren.broker;

import java.util.Map;

/**
 * A queue's name (generated for server-named queues), ready message count, consumer count, and the properties
 * it was declared with.
 */
public record QueueInfo(String name, int messageCount, int consumerCount, boolean durable, boolean exclusive,
                        boolean autoDelete, Map<String, Object> arguments) {
}
