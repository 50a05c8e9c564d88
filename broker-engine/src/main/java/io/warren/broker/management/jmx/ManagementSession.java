package io.warren.broker.management.jmx;

import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import java.util.function.Function;

/**
 * A connection of the broker's own for one management operation that needs a channel (get, publish, browse),
 * closed when the operation ends: whatever it still holds unacknowledged then goes back to its queue, so a
 * failing operation never loses a message. Its queue access follows the engine's rules: another connection's
 * exclusive queue is refused with {@code RESOURCE_LOCKED}.
 */
final class ManagementSession {
    /** The client name management connections carry, so operators can tell them from clients. */
    static final String CLIENT_NAME = "warren-jmx";

    private ManagementSession() {
    }

    static <T> T withChannel(VirtualHost host, Function<Channel, T> work) {
        try (ClientConnection connection = host.connect(CLIENT_NAME)) {
            return work.apply(connection.createChannel());
        }
    }
}
