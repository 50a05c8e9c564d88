/**
 * Who may connect to the AMQP server and what they may touch, with RabbitMQ's semantics: users with salted
 * password hashes and tags ({@link io.warren.server.security.UserStore}), SASL mechanisms that turn a
 * {@code connection.start-ok} response into credentials ({@link io.warren.server.security.SaslMechanisms}),
 * the login check ({@link io.warren.server.security.Authenticator}) and per-vhost configure/write/read
 * permissions checked once per AMQP operation ({@link io.warren.server.security.AccessControl}).
 *
 * <p>This package uses nothing of the broker engine; the protocol layer calls into it.
 */
package io.warren.server.security;
