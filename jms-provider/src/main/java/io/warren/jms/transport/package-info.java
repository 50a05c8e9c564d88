/**
 * The seam between the JMS classes and a broker: {@link io.warren.jms.transport.BrokerConnection} and
 * {@link io.warren.jms.transport.BrokerChannel} say what a JMS session needs of a broker in AMQP terms (queues,
 * bindings, publish, consume, acknowledge, transactions) plus the extras JMS adds (selectors, browsing, release of
 * unseen messages). A transport implements them: {@code vm} with the engine in the same JVM, {@code amqp} over
 * AMQP 0-9-1. Nothing outside a transport's own package touches the engine.
 */
package io.warren.jms.transport;
