package io.warren.server.management.api;

import io.warren.broker.VirtualHost;
import io.warren.broker.management.ExchangeInfo;
import io.warren.broker.security.AccessControl;
import java.util.Map;

/**
 * An exchange as {@code /api/exchanges} shows it. The default exchange is named {@code ""} here and {@value
 * #DEFAULT_IN_PATHS} in paths, as in RabbitMQ (a path segment cannot be empty). Immutable.
 *
 * @param name       the exchange's name
 * @param vhost      its vhost
 * @param type       {@code direct}, {@code fanout}, {@code topic} or {@code headers}
 * @param durable    whether it survives a restart
 * @param autoDelete whether it goes when its last binding goes
 * @param internal   whether clients may not publish to it
 * @param arguments  its declaration arguments
 */
record ExchangeView(String name, String vhost, String type, boolean durable, boolean autoDelete, boolean internal,
                    Map<String, Object> arguments) {

    /** How paths name the default exchange. */
    static final String DEFAULT_IN_PATHS = AccessControl.DEFAULT_EXCHANGE_NAME;

    static ExchangeView of(String vhost, ExchangeInfo e) {
        return new ExchangeView(e.name(), vhost, e.type(), e.durable(), e.autoDelete(), e.internal(), e.arguments());
    }

    /** The exchange a path segment names: {@value #DEFAULT_IN_PATHS} is the default exchange. */
    static String fromPath(String segment) {
        return segment.equals(DEFAULT_IN_PATHS) ? VirtualHost.DEFAULT_EXCHANGE : segment;
    }

    /** How messages name the exchange {@code name}: the default exchange as {@value #DEFAULT_IN_PATHS}. */
    static String describe(String name) {
        return name.isEmpty() ? DEFAULT_IN_PATHS : name;
    }
}
