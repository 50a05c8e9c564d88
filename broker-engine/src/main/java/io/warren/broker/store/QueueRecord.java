package io.warren.broker.store;

import java.util.Map;

/** A durable queue as the store keeps it, with the arguments it was declared with. */
public record QueueRecord(String virtualHost, String name, boolean autoDelete, Map<String, Object> arguments) {
    public QueueRecord {
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }
}
