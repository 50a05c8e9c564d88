package io.warren.jms.transport;

import io.warren.message.Message;

/**
 * A message a broker handed to a consumer, with what the broker knows of its history.
 *
 * @param tag           the channel's delivery tag, used to acknowledge, release or recover it
 * @param message       the message as published
 * @param redelivered   whether it was handed to a consumer before
 * @param deliveryCount how many times it was handed to a consumer, this delivery included (1 on the first)
 */
public record Delivery(long tag, Message message, boolean redelivered, int deliveryCount) {
}
