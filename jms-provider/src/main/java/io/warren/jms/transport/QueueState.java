package io.warren.jms.transport;

/** A queue as the broker reports it: ready messages and consumers. */
public record QueueState(String name, long messageCount, int consumerCount) {
}
