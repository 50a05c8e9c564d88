package io.warren.server.management.api;

import io.warren.broker.Channel;
import io.warren.server.management.http.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code POST /api/queues/{vhost}/{name}/get} does with the messages it took, RabbitMQ's {@code ackmode}.
 * Messages are all taken first and settled together at the end, so a requeued message is not taken twice.
 */
enum AckMode {
    /** Put them back, marked redelivered: a peek. */
    ACK_REQUEUE_TRUE(true, true),
    /** Acknowledge them: they leave the queue. */
    ACK_REQUEUE_FALSE(true, false),
    /** Reject them back into the queue, marked redelivered. */
    REJECT_REQUEUE_TRUE(false, true),
    /** Reject them without requeueing: dead-lettered, or dropped without a dead-letter exchange. */
    REJECT_REQUEUE_FALSE(false, false);

    private final boolean ack;
    private final boolean requeue;

    AckMode(boolean ack, boolean requeue) {
        this.ack = ack;
        this.requeue = requeue;
    }

    /**
     * The mode named {@code name}, e.g. {@code ack_requeue_true}.
     *
     * @throws ApiException 400 listing the modes if there is none of that name
     */
    static AckMode named(String name) {
        for (AckMode mode : values()) {
            if (mode.jsonName().equals(name)) {
                return mode;
            }
        }
        throw ApiException.badRequest("field 'ackmode' must be one of " + Arrays.stream(values())
                .map(AckMode::jsonName).collect(Collectors.joining(", ")) + "; got '" + name + "'");
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Settles every delivery of {@code channel} up to {@code lastTag}, which are the ones taken. */
    void settle(Channel channel, long lastTag) {
        if (requeue) {
            channel.nack(lastTag, true, true);
        } else if (ack) {
            channel.ack(lastTag, true);
        } else {
            channel.nack(lastTag, true, false);
        }
    }
}
