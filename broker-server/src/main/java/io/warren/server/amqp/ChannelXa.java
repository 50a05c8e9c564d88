package io.warren.server.amqp;

import io.warren.broker.BrokerException;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.QueueDeclare;
import io.warren.server.amqp.xa.InDoubtBranches;
import io.warren.server.amqp.xa.XaReply;
import io.warren.server.amqp.xa.XaRequest;
import io.warren.server.amqp.xa.XaRequests;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XA requests of one channel ({@link XaRequests}): each runs on the channel's engine channel and is answered
 * with a {@code queue.declare-ok}; an XA failure is an answer too, so the channel stays open. Runs on the
 * connection's event loop. Prepare, commit and rollback wait for the store: the connection is suspended until
 * the engine's future completes, then the reply goes out before anything the client sent after the request.
 */
final class ChannelXa {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelXa.class);

    private final AmqpChannel channel;
    private final AmqpConnection connection;
    private final InDoubtBranches inDoubt = new InDoubtBranches();

    ChannelXa(AmqpChannel channel) {
        this.channel = channel;
        this.connection = channel.connection();
    }

    void request(QueueDeclare d) {
        if (d.noWait()) {
            throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, "an XA request (" + XaRequests.OPERATION
                    + ") needs no-wait=false: its outcome is in the reply");
        }
        CompletableFuture<XaReply> reply = run(d);
        if (reply.isDone()) {
            send(reply);
            return;
        }
        connection.suspend();
        reply.whenComplete((r, failure) -> connection.execute(() -> {
            try {
                if (channel.isOpen()) {
                    send(reply);
                    connection.flush();
                }
            } finally {
                connection.resume();
            }
        }));
    }

    private CompletableFuture<XaReply> run(QueueDeclare d) {
        try {
            return XaRequests.parse(d.arguments()).runOn(channel.engine(), inDoubt);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void send(CompletableFuture<XaReply> done) {
        XaReply reply = done.handle((r, failure) -> failure == null ? r : failedReply(failure)).join();
        connection.send(channel.number(), reply.toMethod());
    }

    private XaReply failedReply(Throwable failure) {
        XaReply reply = XaReply.failed(failure);
        if (!(XaReply.cause(failure) instanceof BrokerException)) {
            LOG.error("XA request on channel {} of {} failed", channel.number(), connection, failure);
        } else {
            LOG.debug("XA request on channel {} of {} refused: {} ({})", channel.number(), connection, reply.queue(),
                    reply.messageCount());
        }
        return reply;
    }
}
