/**
 * The standalone broker's configuration: a {@code warren.conf} file in the style of RabbitMQ's
 * {@code rabbitmq.conf} ({@code key = value} lines, RabbitMQ's key names where they exist) plus command-line
 * overrides with the same keys, read by {@link io.warren.server.config.ConfigurationLoader} into an immutable
 * {@link io.warren.server.config.ServerConfiguration} that yields the engine's {@code BrokerConfig}, the
 * server's {@code ServerSettings} and a populated {@code UserStore}.
 *
 * <p>Every mistake is an {@link io.warren.server.config.InvalidConfigException} naming where it was made
 * (file and line, or the command line), the key and what was expected. This package knows nothing of how the
 * server is launched.
 */
package io.warren.server.config;
