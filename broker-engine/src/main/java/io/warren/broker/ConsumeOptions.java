package io.warren.broker;

/**
 * How a consumer takes messages from a queue.
 *
 * @param consumerTag the consumer's name on its channel; null or empty to have one generated
 * @param prefetch    deliveries it may hold unacknowledged; 0 for no limit
 * @param autoAck     messages count as acknowledged when delivered
 * @param exclusive   no other consumer may use the queue while this one does
 * @param selector    a JMS message selector; only matching messages are delivered (null for all)
 * @param noLocal     messages published by this consumer's own connection are dropped instead of delivered
 */
public record ConsumeOptions(String consumerTag, int prefetch, boolean autoAck, boolean exclusive, String selector,
                             boolean noLocal) {

    public ConsumeOptions {
        if (prefetch < 0) {
            throw BrokerException.invalidArgument("prefetch must not be negative, was " + prefetch);
        }
    }

    /** A consumer with explicit acknowledgement and the given prefetch. */
    public static ConsumeOptions prefetch(int prefetch) {
        return new ConsumeOptions(null, prefetch, false, false, null, false);
    }

    public ConsumeOptions withTag(String tag) {
        return new ConsumeOptions(tag, prefetch, autoAck, exclusive, selector, noLocal);
    }

    public ConsumeOptions withAutoAck(boolean value) {
        return new ConsumeOptions(consumerTag, prefetch, value, exclusive, selector, noLocal);
    }

    public ConsumeOptions withExclusive(boolean value) {
        return new ConsumeOptions(consumerTag, prefetch, autoAck, value, selector, noLocal);
    }

    public ConsumeOptions withSelector(String value) {
        return new ConsumeOptions(consumerTag, prefetch, autoAck, exclusive, value, noLocal);
    }

    public ConsumeOptions withNoLocal(boolean value) {
        return new ConsumeOptions(consumerTag, prefetch, autoAck, exclusive, selector, value);
    }
}
