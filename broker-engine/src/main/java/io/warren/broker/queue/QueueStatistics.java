package io.warren.broker.queue;

/**
 * A consistent snapshot of one queue, taken under its lock: current depth and consumers, and the running
 * totals from which a reader derives rates by sampling twice.
 *
 * @param ready          messages waiting for a consumer (including delayed ones)
 * @param unacknowledged messages delivered and not yet settled
 * @param readyBytes     body bytes of the messages available now
 * @param consumers      consumers attached
 * @param published      messages the queue accepted (publishes and moves; not recovered ones)
 * @param delivered      deliveries to consumers and by basic.get, redeliveries included
 * @param redelivered    deliveries of a message that had been delivered before
 * @param acknowledged   messages settled by an acknowledgement (not deliveries in auto-acknowledge mode)
 * @param deadLettered   messages sent to the queue's dead-letter exchange (expired, rejected, over a limit)
 * @param discarded      messages expired, rejected or dropped over a limit with no dead-letter exchange
 */
public record QueueStatistics(int ready, int unacknowledged, long readyBytes, int consumers, long published,
                              long delivered, long redelivered, long acknowledged, long deadLettered,
                              long discarded) {

    /** Messages the queue holds: ready plus unacknowledged. */
    public long messages() {
        return (long) ready + unacknowledged;
    }
}
