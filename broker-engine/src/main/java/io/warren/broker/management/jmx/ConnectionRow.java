package io.warren.broker.management.jmx;

import io.warren.broker.management.ConnectionDetails;
import io.warren.broker.management.ConnectionInfo;
import javax.management.ConstructorParameters;

/**
 * One line of {@link BrokerMXBean#listConnections()}; JMX clients see it as {@code CompositeData} with the
 * items {@code id}, {@code user}, {@code virtualHost}, {@code protocol}, {@code peer}, {@code clientName} and
 * {@code channels}. The getters are what JMX reads; the record accessors serve Java callers.
 *
 * @param id          what {@link BrokerMXBean#closeConnection} takes
 * @param user        the authenticated user, {@code ""} when the broker has no users
 * @param peer        the client's {@code host:port}, {@code ""} in the same JVM
 * @param clientName  the name the client gave, {@code ""} when none
 * @param channels    open channels now
 */
public record ConnectionRow(String id, String user, String virtualHost, String protocol, String peer,
                            String clientName, int channels) {

    @ConstructorParameters({"id", "user", "virtualHost", "protocol", "peer", "clientName", "channels"})
    public ConnectionRow {
    }

    static ConnectionRow of(ConnectionInfo info) {
        ConnectionDetails d = info.details();
        return new ConnectionRow(info.id(), d.user(), info.virtualHost(), d.protocol(), peer(d),
                info.clientName() == null ? "" : info.clientName(), info.channels().size());
    }

    /** {@code host:port} of the client, the host in brackets when it is an IPv6 address; {@code ""} in the JVM. */
    static String peer(ConnectionDetails d) {
        if (d.peerHost().isEmpty()) {
            return "";
        }
        return (d.peerHost().contains(":") ? "[" + d.peerHost() + "]" : d.peerHost()) + ":" + d.peerPort();
    }

    public String getId() {
        return id;
    }

    public String getUser() {
        return user;
    }

    public String getVirtualHost() {
        return virtualHost;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getPeer() {
        return peer;
    }

    public String getClientName() {
        return clientName;
    }

    public int getChannels() {
        return channels;
    }
}
