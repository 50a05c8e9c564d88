package io.warren.broker.management;

/**
 * One consumer on a channel.
 *
 * @param tag         the consumer tag
 * @param queue       the queue it consumes from
 * @param prefetch    deliveries it may hold unsettled (0 = no limit)
 * @param ackRequired false for auto-acknowledge consumers
 * @param exclusive   whether it holds the queue exclusively
 * @param selector    its JMS selector text, or null
 */
public record ConsumerInfo(String tag, String queue, int prefetch, boolean ackRequired, boolean exclusive,
                           String selector) {
}
