package io.warren.server.management.api;

import io.warren.broker.VirtualHost;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.queue.QueueStatistics;

/**
 * Counts summed over the queues of one or more vhosts, each queue read consistently at the moment of the call
 * (the sum is not a snapshot across queues, as in RabbitMQ). Immutable.
 *
 * @param queues         how many queues
 * @param ready          messages waiting to be delivered
 * @param unacknowledged messages delivered and not yet acknowledged
 * @param consumers      consumers on the queues
 * @param published      messages that entered the queues
 * @param delivered      deliveries and basic.gets
 * @param acknowledged   acknowledgements
 * @param redelivered    deliveries of messages delivered before
 */
record QueueTotals(long queues, long ready, long unacknowledged, long consumers, long published, long delivered,
                   long acknowledged, long redelivered) {

    static final QueueTotals NONE = new QueueTotals(0, 0, 0, 0, 0, 0, 0, 0);

    /** The totals of {@code vhost}'s queues. */
    static QueueTotals of(VirtualHost vhost) {
        QueueTotals totals = NONE;
        for (QueueSummary q : vhost.queues()) {
            totals = totals.plus(of(q.statistics()));
        }
        return totals;
    }

    /** One queue's figures. */
    static QueueTotals of(QueueStatistics s) {
        return new QueueTotals(1, s.ready(), s.unacknowledged(), s.consumers(), s.published(), s.delivered(),
                s.acknowledged(), s.redelivered());
    }

    QueueTotals plus(QueueTotals o) {
        return new QueueTotals(queues + o.queues, ready + o.ready, unacknowledged + o.unacknowledged,
                consumers + o.consumers, published + o.published, delivered + o.delivered,
                acknowledged + o.acknowledged, redelivered + o.redelivered);
    }

    /** Ready and unacknowledged together, RabbitMQ's {@code messages}. */
    long messages() {
        return ready + unacknowledged;
    }
}
