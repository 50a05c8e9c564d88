/**
 * The five JMS message types ({@link io.warren.jms.message.WarrenMessage} and its subclasses), their property and
 * body rules, and {@link io.warren.jms.message.MessageMapper}, which turns them into the broker's
 * {@link io.warren.message.Message} and back. {@link io.warren.jms.message.ObjectMessagePolicy} restricts
 * which classes a received {@code ObjectMessage} may deserialise into.
 */
package io.warren.jms.message;
