package io.warren.broker.store;

import java.util.Map;

/**
 * A durable binding from a source exchange to a destination queue or exchange. Durable when both ends are;
 * {@code arguments} carries header-match arguments and the binding's selector ({@code x-selector}).
 */
public record BindingRecord(String virtualHost, String source, String destination, boolean destinationIsQueue,
                            String routingKey, Map<String, Object> arguments) {
    public BindingRecord {
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }
}
