package io.warren.jms.transport;

/**
 * What a consumer asks of the broker.
 *
 * @param queue     the queue to consume from
 * @param prefetch  messages the broker may push ahead of the application
 * @param exclusive whether the consumer must be the queue's only one (refused when another exists)
 * @param selector  JMS selector the queue applies before handing a message to this consumer, or null
 * @param noLocal   whether messages published by this connection are skipped
 */
public record ConsumerSpec(String queue, int prefetch, boolean exclusive, String selector, boolean noLocal) {
}
