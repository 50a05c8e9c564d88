package io.warren.jms.transport;

import java.util.Map;

/**
 * A queue as the broker reports it.
 *
 * @param arguments the arguments it was declared with, or null when the transport cannot read them
 */
public record QueueState(String name, long messageCount, int consumerCount, Map<String, Object> arguments) {
}
