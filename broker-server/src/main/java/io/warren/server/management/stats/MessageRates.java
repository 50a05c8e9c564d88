package io.warren.server.management.stats;

/**
 * Messages per second over the last sampling interval.
 *
 * @param publish      messages entering queues (a message routed to three queues counts three times)
 * @param deliverGet   deliveries to consumers and by basic.get
 * @param ack          acknowledgements
 * @param redeliver    deliveries of messages delivered before
 * @param deadLetter   messages dead-lettered or dropped (expired, rejected, over a length limit)
 */
public record MessageRates(double publish, double deliverGet, double ack, double redeliver, double deadLetter) {

    /** No traffic, or not measured yet. */
    public static final MessageRates ZERO = new MessageRates(0, 0, 0, 0, 0);

    /** The sum of two rates. */
    public MessageRates plus(MessageRates o) {
        return new MessageRates(publish + o.publish, deliverGet + o.deliverGet, ack + o.ack,
                redeliver + o.redeliver, deadLetter + o.deadLetter);
    }
}
