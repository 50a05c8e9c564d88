package io.warren.server.management.api;

import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;

/**
 * The engine connections the API opens for one operation that needs a channel (get, publish, move). Each is
 * closed when its operation ends, so whatever its channel still holds unacknowledged goes back to its queue.
 * They carry the client name {@value #CLIENT_NAME}, so operators can tell them from clients' connections.
 * Stateless.
 */
final class EngineConnections {
    static final String CLIENT_NAME = "warren-management";

    private EngineConnections() {
    }

    /** A new connection to {@code vhost}; the caller closes it. */
    static ClientConnection open(VirtualHost vhost) {
        return vhost.connect(CLIENT_NAME);
    }
}
