package io.warren.broker.management;

import java.util.Map;

/**
 * Who is on the other end of a client connection, as the transport that accepted it knows: the protocol, the
 * authenticated user, the peer's and the local address, and what the client said about itself.
 *
 * @param protocol         {@code "AMQP 0-9-1"} for network clients, {@code "vm"} for in-JVM ones
 * @param user             the authenticated user, or {@code ""} when the broker has no users configured
 * @param peerHost         the client's address, or {@code ""} in the same JVM
 * @param peerPort         the client's port, or 0
 * @param host             the local address the client reached, or {@code ""}
 * @param port             the local port, or 0
 * @param clientProperties what the client announced (AMQP {@code client-properties}), never null
 * @param connectedAt      when the connection was opened, epoch milliseconds
 */
public record ConnectionDetails(String protocol, String user, String peerHost, int peerPort, String host, int port,
                                Map<String, Object> clientProperties, long connectedAt) {

    /** Protocol name of connections made in the same JVM. */
    public static final String IN_JVM = "vm";

    public ConnectionDetails {
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
        user = user == null ? "" : user;
        peerHost = peerHost == null ? "" : peerHost;
        host = host == null ? "" : host;
    }

    /** Details of a connection from the same JVM. */
    public static ConnectionDetails inJvm(String user, long connectedAt) {
        return new ConnectionDetails(IN_JVM, user, "", 0, "", 0, Map.of(), connectedAt);
    }
}
