package io.warren.broker.spi;

import java.net.URI;

/** A running network listener of a broker, opened by a {@link ListenerFactory}; closed with the broker. */
public interface NetworkListener extends AutoCloseable {
    /** Where clients reach it, with the port actually bound (when 0 was asked for). */
    URI address();

    /** Stops accepting clients and closes their connections; must not throw. */
    @Override
    void close();
}
