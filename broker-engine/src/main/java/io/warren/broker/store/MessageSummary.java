package io.warren.broker.store;

import io.warren.message.Message;

/**
 * What a queue needs to hold a stored message whose content stays on disk: its id, where it goes in the queue
 * (priority), when it expires or becomes deliverable, and its body size for length limits and statistics. A
 * queue keeps this (in compact form) for each paged message and reads the content back with
 * {@link Store#read(long)} when a consumer, browser or selector needs it.
 *
 * @param messageId    the store id
 * @param priority     the message's priority, 0..{@link Message#MAX_PRIORITY}
 * @param expiration   absolute expiration in epoch milliseconds, 0 for never
 * @param deliveryTime absolute time before which it must not be delivered, 0 for at once
 * @param bodySize     bytes of the body
 */
public record MessageSummary(long messageId, int priority, long expiration, long deliveryTime, int bodySize) {

    /** The summary of a message whose content is at hand. */
    public static MessageSummary of(long messageId, Message message) {
        return new MessageSummary(messageId, message.priority(), message.expiration(), message.deliveryTime(),
                message.bodySize());
    }
}
