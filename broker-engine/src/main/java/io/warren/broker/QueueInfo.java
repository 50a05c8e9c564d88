package io.warren.broker;

/** A queue's name (generated for server-named queues), ready message count and consumer count. */
public record QueueInfo(String name, int messageCount, int consumerCount) {
}
