package io.warren.broker.management;

import java.util.List;

/**
 * A snapshot of one client connection and its channels.
 *
 * @param id          the broker's id for the connection, unique in the JVM (what a close request names)
 * @param clientName  the name the client gave, or null
 * @param virtualHost the virtual host it is connected to
 * @param details     who is connected, and how
 * @param channels    its open channels in channel-number order
 */
public record ConnectionInfo(String id, String clientName, String virtualHost, ConnectionDetails details,
                             List<ChannelInfo> channels) {

    public ConnectionInfo {
        channels = List.copyOf(channels);
    }
}
