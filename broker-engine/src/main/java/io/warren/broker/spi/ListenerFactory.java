package io.warren.broker.spi;

import io.warren.broker.Broker;
import java.net.URI;

/**
 * Opens network listeners for a {@link Broker} that was configured with them
 * ({@link io.warren.broker.BrokerConfig.Builder#listener(String)}). The engine has no networking of its own:
 * implementations are found with {@link java.util.ServiceLoader}, so a listener scheme is available when the
 * module providing it (for {@code amqp} and {@code amqps}: {@code io.warren:broker-server}) is on the classpath.
 */
public interface ListenerFactory {
    /** Whether this factory serves URIs of the given scheme (lower case). */
    boolean supports(String scheme);

    /**
     * Opens a listener described by {@code uri} (host, port and scheme-specific query options).
     *
     * @throws IllegalArgumentException when the URI's options are wrong, naming them
     * @throws IllegalStateException when the port cannot be bound
     */
    NetworkListener open(Broker broker, URI uri);
}
