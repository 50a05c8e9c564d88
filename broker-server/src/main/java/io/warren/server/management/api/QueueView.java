package io.warren.server.management.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.queue.QueueStatistics;
import io.warren.server.management.stats.MessageRates;
import java.util.List;
import java.util.Map;

/**
 * A queue as {@code /api/queues} shows it: declaration, depth, consumers and {@code message_stats}. A single
 * queue also lists its consumers ({@code consumer_details}); lists leave that field out. The figures are one
 * consistent reading of the queue. Immutable.
 *
 * @param name                   the queue's name
 * @param vhost                  its vhost
 * @param durable                whether it survives a restart
 * @param autoDelete             whether it goes when its last consumer goes
 * @param exclusive              whether it belongs to one connection
 * @param arguments              its declaration arguments
 * @param messages               ready plus unacknowledged
 * @param messagesReady          waiting for a consumer
 * @param messagesUnacknowledged delivered, not yet settled
 * @param messageBytesReady      body bytes of the ready messages
 * @param consumers              how many consumers
 * @param state                  always {@code running}
 * @param messageStats           counters and rates
 * @param consumerDetails        the consumers, for a single queue; null (left out) in lists
 */
record QueueView(String name, String vhost, boolean durable, boolean autoDelete, boolean exclusive,
                 Map<String, Object> arguments, long messages, long messagesReady, long messagesUnacknowledged,
                 long messageBytesReady, long consumers, String state, MessageStats messageStats,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<ClientViews.ConsumerView> consumerDetails) {

    static final String RUNNING = "running";

    /** The view of {@code q} in {@code vhost} with its sampled {@code rates}, and consumers if not null. */
    static QueueView of(String vhost, QueueSummary q, MessageRates rates, List<ClientViews.ConsumerView> consumers) {
        QueueStatistics s = q.statistics();
        return new QueueView(q.name(), vhost, q.durable(), q.autoDelete(), q.exclusive(), q.arguments(),
                s.messages(), s.ready(), s.unacknowledged(), s.readyBytes(), s.consumers(), RUNNING,
                MessageStats.of(QueueTotals.of(s), rates), consumers);
    }
}
