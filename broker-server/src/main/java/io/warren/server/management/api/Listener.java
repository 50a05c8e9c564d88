package io.warren.server.management.api;

import java.util.Objects;

/**
 * A network listener of the node as {@code /api/overview} lists it. Immutable.
 *
 * @param protocol  {@code amqp}, {@code amqp/ssl} or {@code http}, as RabbitMQ names them
 * @param ipAddress the interface it is bound to, {@code 0.0.0.0} for all
 * @param port      the bound port
 */
public record Listener(String protocol, String ipAddress, int port) {

    /** @throws NullPointerException if protocol or address is null */
    public Listener {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }
}
