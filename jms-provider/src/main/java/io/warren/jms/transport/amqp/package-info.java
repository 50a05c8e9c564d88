/**
 * The AMQP 0-9-1 transport ({@code amqp://}, {@code amqps://}) on RabbitMQ's {@code amqp-client}: a
 * {@link io.warren.jms.transport.BrokerConnection} per AMQP connection, a
 * {@link io.warren.jms.transport.BrokerChannel} per AMQP channel. Against a Warren server the JMS extras travel
 * as capabilities, consumer arguments and headers the server announces; against another broker (RabbitMQ) what
 * it lacks fails at once with a JMS exception that says so.
 */
package io.warren.jms.transport.amqp;
