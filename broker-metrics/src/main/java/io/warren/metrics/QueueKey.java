package io.warren.metrics;

/** Names one queue of one virtual host: the identity under which a queue's meters are kept. */
record QueueKey(String virtualHost, String queue) {
}
