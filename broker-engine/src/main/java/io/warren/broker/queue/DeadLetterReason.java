package io.warren.broker.queue;

/** Why a message left its queue for the dead-letter exchange; the value of its {@code x-death-reason}. */
public enum DeadLetterReason {
    /** Its TTL or expiration passed. */
    EXPIRED("expired"),
    /** A consumer rejected or nacked it without requeue. */
    REJECTED("rejected"),
    /** The queue exceeded its length limit. */
    MAXLEN("maxlen"),
    /** It was delivered more often than the queue's delivery limit. */
    DELIVERY_LIMIT("delivery_limit");

    private final String value;

    DeadLetterReason(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
