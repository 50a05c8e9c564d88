package io.warren.broker.management;

import java.util.Map;

/**
 * An exchange as declared.
 *
 * @param name      its name; {@code ""} is the default exchange
 * @param type      {@code direct}, {@code fanout}, {@code topic} or {@code headers}
 * @param arguments declaration arguments, never null
 */
public record ExchangeInfo(String name, String type, boolean durable, boolean autoDelete, boolean internal,
                           Map<String, Object> arguments) {
}
