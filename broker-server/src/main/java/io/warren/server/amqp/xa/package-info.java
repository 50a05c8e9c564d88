/**
 * Warren's XA extension of AMQP 0-9-1: a transaction manager's XA calls carried in a passive
 * {@code queue.declare} of {@value io.warren.server.amqp.xa.XaRequests#QUEUE} whose {@code x-xa-*} arguments
 * name the operation and the branch, answered by {@code queue.declare-ok} whose {@code message-count} is the
 * XA return code. {@link io.warren.server.amqp.xa.XaRequests} reads a request, an
 * {@link io.warren.server.amqp.xa.XaRequest} runs it on an engine channel, an
 * {@link io.warren.server.amqp.xa.XaReply} is the answer. An XA failure is an answer, never a channel
 * exception, so a client's channel survives it.
 */
package io.warren.server.amqp.xa;
