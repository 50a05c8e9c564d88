package io.warren.server.management.api;

import io.warren.broker.QueueInfo;
import io.warren.broker.VirtualHost;

/**
 * Counts summed over the queues of one or more vhosts, read from each queue's {@link QueueInfo} at the
 * moment of the call (not a consistent snapshot across queues, as in RabbitMQ). Immutable.
 *
 * @param queues        how many queues
 * @param ready         messages waiting to be delivered
 * @param unacknowledged messages delivered and not yet acknowledged
 * @param consumers     consumers on the queues
 */
record QueueTotals(long queues, long ready, long unacknowledged, long consumers) {

    static final QueueTotals NONE = new QueueTotals(0, 0, 0, 0);

    /** The totals of {@code vhost}'s queues; a queue deleted meanwhile is skipped. */
    static QueueTotals of(VirtualHost vhost) {
        QueueTotals totals = NONE;
        for (String name : vhost.queueNames()) {
            QueueInfo info = vhost.queueInfo(name);
            if (info != null) {
                totals = totals.plus(new QueueTotals(1, info.messageCount(), info.unacknowledgedCount(),
                        info.consumerCount()));
            }
        }
        return totals;
    }

    QueueTotals plus(QueueTotals other) {
        return new QueueTotals(queues + other.queues, ready + other.ready, unacknowledged + other.unacknowledged,
                consumers + other.consumers);
    }

    /** Ready and unacknowledged together, RabbitMQ's {@code messages}. */
    long messages() {
        return ready + unacknowledged;
    }
}
