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
 * @param paged          messages of {@code ready} and {@code unacknowledged} whose content is not on the heap
 *                       (paged to disk); paged messages that expired count until they are reached
 */
public record QueueStatistics(int ready, int unacknowledged, long readyBytes, int consumers, long published,
                              long delivered, long redelivered, long acknowledged, long deadLettered,
                              long discarded, int paged) {

    /** Statistics of a queue with nothing paged. */
    public QueueStatistics(int ready, int unacknowledged, long readyBytes, int consumers, long published,
                           long delivered, long redelivered, long acknowledged, long deadLettered, long discarded) {
        this(ready, unacknowledged, readyBytes, consumers, published, delivered, redelivered, acknowledged,
                deadLettered, discarded, 0);
    }

    /** Messages the queue holds: ready plus unacknowledged. */
    public long messages() {
        return (long) ready + unacknowledged;
    }
}
