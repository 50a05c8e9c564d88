package io.warren.broker.store;

import io.warren.broker.exchange.ExchangeType;
import java.util.Map;

/** A durable exchange as the store keeps it. */
public record ExchangeRecord(String virtualHost, String name, ExchangeType type, boolean autoDelete,
                             boolean internal, Map<String, Object> arguments) {
    public ExchangeRecord {
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }
}
