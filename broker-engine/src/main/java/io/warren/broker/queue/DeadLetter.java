package io.warren.broker.queue;

import io.warren.message.Message;

/**
 * A message leaving its queue for the dead-letter exchange.
 *
 * @param storeId the store id to dequeue from the source queue in the same batch, or 0
 */
public record DeadLetter(Message message, long storeId, DeadLetterReason reason) {
}
