/**
 * How clients log in to the AMQP server, with RabbitMQ's semantics: SASL mechanisms that turn a
 * {@code connection.start-ok} response into credentials ({@link io.warren.server.security.SaslMechanisms}) and
 * the login check with its loopback rule and refusal texts ({@link io.warren.server.security.Authenticator}).
 * The users, their password hashes and per-vhost permissions, and the permission checks, live in the broker
 * engine ({@link io.warren.broker.security.UserStore}, {@link io.warren.broker.security.AccessControl}), so
 * {@code vm://} connections to the same broker log in against the same store.
 */
package io.warren.server.security;
