package io.warren.server.management.api;

import io.warren.server.management.stats.MessageRates;

/**
 * Message counters and their per-second rates, RabbitMQ's {@code message_stats}: how many messages were
 * published, delivered or got, acknowledged and redelivered. Until counters are sampled (every {@code
 * statistics_interval}) every figure is {@link #ZERO}. Immutable.
 *
 * @param publish           messages published
 * @param publishDetails    their rate
 * @param deliverGet        messages delivered to consumers or got with basic.get
 * @param deliverGetDetails their rate
 * @param ack               messages acknowledged
 * @param ackDetails        their rate
 * @param redeliver         messages delivered again
 * @param redeliverDetails  their rate
 */
record MessageStats(long publish, Rate publishDetails, long deliverGet, Rate deliverGetDetails, long ack,
                    Rate ackDetails, long redeliver, Rate redeliverDetails) {

    /** A rate per second, written as {@code {"rate": 1.5}}. */
    record Rate(double rate) {
        static final Rate NONE = new Rate(0);
    }

    static final MessageStats ZERO = new MessageStats(0, Rate.NONE, 0, Rate.NONE, 0, Rate.NONE, 0, Rate.NONE);

    /** Counters of a queue, or summed over queues, with the rates sampled for them. */
    static MessageStats of(QueueTotals totals, MessageRates rates) {
        return new MessageStats(totals.published(), new Rate(rates.publish()), totals.delivered(),
                new Rate(rates.deliverGet()), totals.acknowledged(), new Rate(rates.ack()), totals.redelivered(),
                new Rate(rates.redeliver()));
    }
}
