/**
 * The in-JVM transport ({@code vm://NAME}): the JMS classes drive an engine {@link io.warren.broker.Channel}
 * directly, messages pass by reference, engine errors become JMS exceptions here. The only package of
 * {@code jms-provider} that uses the engine.
 */
package io.warren.jms.transport.vm;
