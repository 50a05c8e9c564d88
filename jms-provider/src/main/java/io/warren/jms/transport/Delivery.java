package io.warren.jms.transport;

import io.warren.message.Message;

/**
 * A message a broker handed to a consumer, with what the broker knows of its history.
 *
 * @param tag           the channel's delivery tag, used to acknowledge, release or recover it
 * @param message       the message as published
 * @param redelivered   whether it was handed to a consumer before
 * @param deliveryCount how many times it was handed to a consumer, this delivery included (1 on the first)
 * @param channel       the channel it came on, the only one its tag means anything to; null when unknown
 */
public record Delivery(long tag, Message message, boolean redelivered, int deliveryCount, BrokerChannel channel) {
    /** A delivery not tied to a channel (tests, browsing). */
    public Delivery(long tag, Message message, boolean redelivered, int deliveryCount) {
        this(tag, message, redelivered, deliveryCount, null);
    }

    /** Whether the delivery came on {@code current}: after a fail-over, one from the old channel is stale. */
    public boolean cameOn(BrokerChannel current) {
        return channel == null || channel == current;
    }
}
