package io.warren.broker.queue;

/**
 * Running totals of what happened to a queue's messages since it was created (or, for a durable queue,
 * since the broker started): the raw material for message rates. Written only under the queue's lock, so
 * increments are plain; {@link MessageQueue#statistics()} copies them under the same lock.
 */
final class QueueCounters {
    long published;
    long delivered;
    long redelivered;
    long acknowledged;
    long deadLettered;
    long discarded;

    void delivered(QueueEntry e) {
        delivered++;
        if (e.deliveryCount > 1) {
            redelivered++;
        }
    }
}
