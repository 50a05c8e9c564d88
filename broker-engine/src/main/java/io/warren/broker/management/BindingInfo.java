package io.warren.broker.management;

import java.util.Map;

/**
 * A binding from an exchange to a queue or to another exchange. The default exchange's implicit bindings
 * (one per queue, by name) are not listed.
 *
 * @param source          the exchange messages come from
 * @param destination     the queue or exchange they go to
 * @param toQueue         true when the destination is a queue, false for an exchange
 * @param routingKey      the binding key
 * @param arguments       binding arguments (headers match, {@code x-selector}), never null
 */
public record BindingInfo(String source, String destination, boolean toQueue, String routingKey,
                          Map<String, Object> arguments) {
}
