package io.warren.server.management.api;

import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.ChannelInfo;
import io.warren.broker.management.ConnectionDetails;
import io.warren.broker.management.ConnectionInfo;
import io.warren.broker.management.ConsumerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One consumer of a queue in the shape of {@code /api/consumers}, for the {@code consumer_details} of a
 * single queue. Consumers are found through the snapshots of the vhost's open connections, so the list is
 * as current as those snapshots; a connection that closes meanwhile simply drops out. A network
 * connection is named as RabbitMQ names it ({@code "peer_host:peer_port -> host:port"}), one in the same JVM
 * by its engine id. Immutable.
 *
 * @param consumerTag    the consumer tag
 * @param queue          the queue it consumes from
 * @param channelDetails the channel it is on
 * @param ackRequired    false for auto-acknowledge consumers
 * @param prefetchCount  deliveries it may hold unacknowledged, 0 for no limit
 * @param exclusive      whether it holds the queue exclusively
 * @param arguments      its arguments: {@code x-selector} when it has a selector
 */
record ConsumerDetails(String consumerTag, QueueRef queue, ChannelDetails channelDetails, boolean ackRequired,
                       int prefetchCount, boolean exclusive, Map<String, Object> arguments) {

    /** The selector argument, as AMQP clients pass it to basic.consume. */
    static final String SELECTOR_ARGUMENT = "x-selector";

    /** A queue by name and vhost. */
    record QueueRef(String name, String vhost) {
    }

    /** Where a consumer is: its channel, named {@code "<connection name> (<number>)"}, and the connection. */
    record ChannelDetails(String name, int number, String connectionName, String peerHost, int peerPort,
                          String user) {
    }

    /** The consumers of {@code queue} in {@code vhost}, by connection, channel and tag. */
    static List<ConsumerDetails> of(VirtualHost vhost, String queue) {
        List<ConsumerDetails> found = new ArrayList<>();
        for (ClientConnection connection : vhost.connections()) {
            ConnectionInfo info = connection.info();
            String connectionName = connectionName(info);
            ConnectionDetails details = info.details();
            for (ChannelInfo channel : info.channels()) {
                ChannelDetails where = new ChannelDetails(connectionName + " (" + channel.number() + ")",
                        channel.number(), connectionName, details.peerHost(), details.peerPort(), details.user());
                for (ConsumerInfo c : channel.consumers()) {
                    if (c.queue().equals(queue)) {
                        found.add(new ConsumerDetails(c.tag(), new QueueRef(queue, vhost.name()), where,
                                c.ackRequired(), c.prefetch(), c.exclusive(),
                                c.selector() == null ? Map.of() : Map.of(SELECTOR_ARGUMENT, c.selector())));
                    }
                }
            }
        }
        return found;
    }

    private static String connectionName(ConnectionInfo info) {
        ConnectionDetails d = info.details();
        return d.peerHost().isEmpty() ? info.id()
                : d.peerHost() + ":" + d.peerPort() + " -> " + d.host() + ":" + d.port();
    }
}
