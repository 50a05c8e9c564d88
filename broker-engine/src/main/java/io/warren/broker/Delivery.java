package io.warren.broker;

import io.warren.message.Message;

/**
 * A message handed to a consumer or returned by {@link Channel#get}.
 *
 * @param deliveryTag   identifies the delivery for ack/nack/reject on the channel that received it
 * @param consumerTag   the consumer it was pushed to, or null for a get
 * @param deliveryCount how often the message has been delivered from this queue, this delivery included
 */
public record Delivery(long deliveryTag, String consumerTag, String queue, Message message, int deliveryCount) {

    /** Whether the message was delivered before (AMQP's redelivered flag, JMS's {@code JMSRedelivered}). */
    public boolean redelivered() {
        return deliveryCount > 1;
    }
}
