package io.warren.jms.transport;

/**
 * What a broker offers beyond plain AMQP 0-9-1, which decides how JMS features map onto it.
 *
 * @param queueSelectors whether a queue can filter messages per consumer with a JMS selector
 * @param browsing       whether a queue can be read without taking messages
 * @param deliveryDelay  whether the broker holds messages until their delivery time
 * @param noLocal        whether a consumer can skip its own connection's messages
 * @param xa             whether the broker takes part in XA transactions (two-phase commit, recovery)
 * @param name           the broker's product name, for messages
 */
public record BrokerFeatures(boolean queueSelectors, boolean browsing, boolean deliveryDelay, boolean noLocal,
                             boolean xa, String name) {
    /** A Warren broker: every JMS extra. */
    public static BrokerFeatures warren(String name) {
        return new BrokerFeatures(true, true, true, true, true, name);
    }
}
