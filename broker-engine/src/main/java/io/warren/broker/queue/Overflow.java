package io.warren.broker.queue;

import io.warren.broker.BrokerException;

/** What a queue does when a publish would exceed {@code x-max-length} or {@code x-max-length-bytes}. */
public enum Overflow {
    /** Drop (or dead-letter) the oldest messages to make room. */
    DROP_HEAD("drop-head"),
    /** Refuse the publish; the publisher is told. */
    REJECT_PUBLISH("reject-publish"),
    /** Refuse the publish and dead-letter the refused message. */
    REJECT_PUBLISH_DLX("reject-publish-dlx");

    private final String argument;

    Overflow(String argument) {
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }

    public static Overflow fromArgument(String queue, Object value) {
        for (Overflow o : values()) {
            if (o.argument.equals(value)) {
                return o;
            }
        }
        throw BrokerException.invalidArgument("invalid x-overflow '" + value + "' for queue '" + queue
                + "': expected drop-head, reject-publish or reject-publish-dlx");
    }
}
