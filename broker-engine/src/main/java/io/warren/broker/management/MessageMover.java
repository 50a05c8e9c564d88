package io.warren.broker.management;

import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.Delivery;
import io.warren.broker.ErrorCode;
import io.warren.broker.PublishResult;
import io.warren.broker.VirtualHost;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Moves messages from one queue of a virtual host to another, one at a time in the source's delivery order:
 * each is taken with an acknowledging get on a channel of a connection of the broker's own (opened for the
 * move and closed after it, so whatever it still holds goes back to the source), published unchanged (body,
 * headers, persistence, priority, expiration) to the target through the default exchange, and acknowledged
 * only once the target holds it — durably, when persistent and the target is durable. A message is never
 * lost; a crash between the publish and the acknowledgement leaves it in both queues. The target gets a new
 * delivery count, and the message counts as published by the management connection.
 *
 * <p>Shared by the management front ends (JMX, the HTTP API). Runs on the caller's thread. Consumers of the
 * source keep receiving meanwhile. Stateless.
 */
public final class MessageMover {

    private MessageMover() {
    }

    /**
     * Moves up to {@code max} messages matching {@code selector} (null or blank: all) from {@code source} to
     * {@code target}, both in {@code host}, through a connection named {@code clientName} (so operators can
     * tell which front end moved them).
     *
     * @return how many were moved; fewer than {@code max} when the source ran out of matching messages
     * @throws BrokerException NOT_FOUND naming the queue when either is missing (nothing is moved),
     *     INVALID_ARGUMENT for {@code max} below 1 or a queue moved to itself, SYNTAX_ERROR for a bad selector,
     *     and when the target stops taking messages midway (deleted, full with {@code reject-publish}) the
     *     error says how many were moved before; the message in hand goes back to the source
     */
    public static int move(VirtualHost host, String clientName, String source, String target, String selector,
                           int max) {
        if (max < 1) {
            throw BrokerException.invalidArgument("cannot move " + max + " messages: give a positive maximum");
        }
        if (source.equals(target)) {
            throw BrokerException.invalidArgument("cannot move messages of queue '" + source + "' to itself");
        }
        if (!host.hasQueue(target)) {
            throw new BrokerException(ErrorCode.NOT_FOUND, "target queue '" + target + "' in virtual host '"
                    + host.name() + "' not found: nothing was moved");
        }
        try (ClientConnection connection = host.connect(clientName)) {
            return moveOn(connection.createChannel(), source, target, selector, max);
        }
    }

    private static int moveOn(Channel channel, String source, String target, String selector, int max) {
        int moved = 0;
        while (moved < max) {
            Delivery d = channel.get(source, false, selector);
            if (d == null) {
                break;
            }
            PublishResult result;
            try {
                // No wait for memory: the move frees in the source what it takes in the target.
                result = channel.publish(VirtualHost.DEFAULT_EXCHANGE, target, d.message(), false).join();
            } catch (RuntimeException e) {
                channel.release(List.of(d.deliveryTag()));
                throw failedAfter(moved, source, target, e);
            }
            if (result != PublishResult.ROUTED) {
                channel.release(List.of(d.deliveryTag()));
                throw new BrokerException(result == PublishResult.UNROUTED ? ErrorCode.NOT_FOUND
                        : ErrorCode.RESOURCE_ERROR, "moved " + moved + " message(s) from queue '" + source
                        + "' to queue '" + target + "', then the target "
                        + (result == PublishResult.UNROUTED ? "was gone" : "refused the next one (it is full)"));
            }
            channel.ack(d.deliveryTag(), false);
            moved++;
        }
        return moved;
    }

    private static BrokerException failedAfter(int moved, String source, String target, RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        ErrorCode code = cause instanceof BrokerException be ? be.code() : ErrorCode.STORE_ERROR;
        return new BrokerException(code, "moved " + moved + " message(s) from queue '" + source + "' to queue '"
                + target + "', then failed: " + cause.getMessage(), cause);
    }
}
