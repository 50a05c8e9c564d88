package io.warren.server.management.api;

import io.warren.broker.management.ChannelInfo;
import io.warren.broker.management.ConnectionDetails;
import io.warren.broker.management.ConnectionInfo;
import io.warren.broker.management.ConsumerInfo;
import java.util.List;
import java.util.Map;

/**
 * The JSON of client connections, channels and consumers, in RabbitMQ's shape, built from the engine's
 * snapshots. A network connection is named as RabbitMQ names it ({@code "peer:port -> host:port"}); an in-JVM
 * one by its engine id ({@code conn-N}). A channel is {@code "<connection name> (<number>)"}.
 */
final class ClientViews {
    private ClientViews() {
    }

    /** One connection. {@code type} is {@code network} or, for in-JVM clients, {@code direct} (RabbitMQ's word). */
    record ConnectionView(String name, String id, String node, String vhost, String user, String protocol,
                          String type, String host, int port, String peerHost, int peerPort, int channels,
                          long connectedAt, Map<String, Object> clientProperties, String state) {
    }

    /** Where a channel belongs. */
    record ConnectionDetailsView(String name, String peerHost, int peerPort) {
    }

    /** One channel. */
    record ChannelView(String name, int number, ConnectionDetailsView connectionDetails, String vhost, String user,
                       int consumerCount, int messagesUnacknowledged, int prefetchCount, boolean transactional,
                       boolean confirm, boolean xa, String state, List<ConsumerView> consumerDetails) {
    }

    /** The queue a consumer takes from. */
    record QueueRef(String name, String vhost) {
    }

    /** Where a consumer lives. */
    record ChannelDetailsView(String name, int number, String connectionName, String peerHost, int peerPort,
                              String user) {
    }

    /** One consumer; a JMS selector shows as the argument {@code x-selector}. */
    record ConsumerView(String consumerTag, QueueRef queue, ChannelDetailsView channelDetails, boolean ackRequired,
                        int prefetchCount, boolean exclusive, Map<String, Object> arguments) {
    }

    static String name(ConnectionInfo c) {
        ConnectionDetails d = c.details();
        if (d.peerHost().isEmpty()) {
            return c.id();
        }
        return hostPort(d.peerHost(), d.peerPort()) + " -> " + hostPort(d.host(), d.port());
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String channelName(ConnectionInfo c, ChannelInfo ch) {
        return name(c) + " (" + ch.number() + ")";
    }

    static ConnectionView connection(String node, ConnectionInfo c) {
        ConnectionDetails d = c.details();
        return new ConnectionView(name(c), c.id(), node, c.virtualHost(), d.user(), d.protocol(),
                ConnectionDetails.IN_JVM.equals(d.protocol()) ? "direct" : "network", d.host(), d.port(),
                d.peerHost(), d.peerPort(), c.channels().size(), d.connectedAt(), d.clientProperties(), "running");
    }

    static ChannelView channel(ConnectionInfo c, ChannelInfo ch) {
        ConnectionDetails d = c.details();
        List<ConsumerView> consumers = ch.consumers().stream().map(co -> consumer(c, ch, co)).toList();
        return new ChannelView(channelName(c, ch), ch.number(), new ConnectionDetailsView(name(c), d.peerHost(),
                d.peerPort()), c.virtualHost(), d.user(), ch.consumers().size(), ch.unacknowledged(), ch.prefetch(),
                ch.transactional(), ch.confirm(), ch.xa(), "running", consumers);
    }

    static ConsumerView consumer(ConnectionInfo c, ChannelInfo ch, ConsumerInfo co) {
        ConnectionDetails d = c.details();
        return new ConsumerView(co.tag(), new QueueRef(co.queue(), c.virtualHost()),
                new ChannelDetailsView(channelName(c, ch), ch.number(), name(c), d.peerHost(), d.peerPort(), d.user()),
                co.ackRequired(), co.prefetch(), co.exclusive(),
                co.selector() == null ? Map.of() : Map.of("x-selector", co.selector()));
    }
}
