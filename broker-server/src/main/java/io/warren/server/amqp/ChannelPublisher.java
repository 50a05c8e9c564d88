package io.warren.server.amqp;

import io.netty.buffer.ByteBuf;
import io.warren.broker.BrokerException;
import io.warren.broker.PublishResult;
import io.warren.broker.security.AccessRefusedException;
import io.warren.message.Message;
import io.warren.server.amqp.codec.BasicProperties;
import io.warren.server.amqp.codec.ContentHeader;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.BasicAck;
import io.warren.server.amqp.method.BasicNack;
import io.warren.server.amqp.method.BasicPublish;
import io.warren.server.amqp.method.BasicReturn;
import io.warren.server.amqp.method.ConfirmSelect;
import io.warren.server.amqp.method.ConfirmSelectOk;
import io.warren.server.amqp.method.FrameWriter;
import io.warren.server.amqp.method.TxCommitOk;
import io.warren.server.amqp.method.TxRollbackOk;
import io.warren.server.amqp.method.TxSelectOk;
import java.util.concurrent.CompletableFuture;

/**
 * The publishing side of a channel: {@code basic.publish} into the engine, {@code mandatory} returns,
 * publisher confirms ({@code confirm.select}; a persistent message in a durable queue is confirmed once the
 * journal has it on disk) and transactions ({@code tx.*}). Runs on the connection's event loop; completions of
 * store writes come back to it.
 */
final class ChannelPublisher {
    private final AmqpChannel channel;
    private final AmqpConnection connection;
    private ConfirmTracker confirms;
    private boolean transactional;

    ChannelPublisher(AmqpChannel channel) {
        this.channel = channel;
        this.connection = channel.connection();
    }

    void publish(BasicPublish p, ContentHeader header, byte[] body) {
        if (p.immediate()) {
            throw AmqpException.connection(ReplyCodes.NOT_IMPLEMENTED, "immediate=true");
        }
        try {
            connection.server().access().checkPublish(connection.user(), connection.virtualHost().name(),
                    p.exchange());
        } catch (AccessRefusedException e) {
            throw AmqpException.channel(ReplyCodes.ACCESS_REFUSED, e.getMessage());
        }
        BasicProperties props = header.properties();
        if (props != null && props.userId() != null && !props.userId().equals(connection.user().name())) {
            throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, "user_id property set to '"
                    + props.userId() + "' but authenticated user was '" + connection.user().name() + "'");
        }
        // Routing data and origin set here, so the engine need not copy the message to add them.
        Message message = MessageMapping.toBuilder(props, body, System.currentTimeMillis()).exchange(p.exchange())
                .routingKey(p.routingKey()).origin(channel.engine().connection().origin()).build();
        if (connection.admitPublish(() -> channel.guarded(p, () -> route(p, message)))) {
            route(p, message);
        }
    }

    private void route(BasicPublish p, Message message) {
        if (!channel.isOpen()) {
            return;
        }
        if (transactional) {
            // Routing happens at commit; a mandatory message that no binding takes is returned now, as at
            // commit it would reach no queue.
            boolean routed = !p.mandatory() || channel.engine().hasRoute(p.exchange(), p.routingKey(), message);
            channel.engine().publish(p.exchange(), p.routingKey(), message, false);
            if (!routed) {
                settled(0, p, message, PublishResult.UNROUTED);
            }
            return;
        }
        long seq = confirms == null ? 0 : confirms.next();
        CompletableFuture<PublishResult> result = channel.engine().publish(p.exchange(), p.routingKey(), message,
                false);
        if (result.isDone() && !result.isCompletedExceptionally()) {
            settled(seq, p, message, result.join());
            return;
        }
        result.whenComplete((r, failure) -> connection.execute(() -> {
            if (!channel.isOpen()) {
                return;
            }
            if (failure != null) {
                failed(seq, failure);
            } else {
                settled(seq, p, message, r);
            }
            sendPendingAck();
            connection.flush();
        }));
    }

    private void settled(long seq, BasicPublish p, Message message, PublishResult r) {
        if (r == PublishResult.UNROUTED && p.mandatory()) {
            ByteBuf buf = connection.alloc(message.bodySize() + 128);
            FrameWriter.writeMessage(buf, channel.number(), new BasicReturn(ReplyCodes.NO_ROUTE, "NO_ROUTE",
                    p.exchange(), p.routingKey()), MessageMapping.toProperties(message, System.currentTimeMillis()),
                    message.body(), connection.frameMax());
            connection.writeOrdered(buf);
        }
        if (confirms == null) {
            return;
        }
        if (r == PublishResult.REJECTED) {
            connection.send(channel.number(), new BasicNack(seq, false, false));
        }
        confirms.settle(seq);
    }

    private void failed(long seq, Throwable failure) {
        if (confirms != null) {
            connection.send(channel.number(), new BasicNack(seq, false, false));
            confirms.settle(seq);
        }
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BrokerException be) {
            channel.fail(BrokerErrors.toAmqp(be));
        } else {
            channel.fail(AmqpException.channel(ReplyCodes.INTERNAL_ERROR, "publish failed: " + cause));
        }
    }

    /** Sends the acknowledgement for every publish settled since the last one (end of a read batch). */
    void sendPendingAck() {
        if (confirms == null) {
            return;
        }
        long upTo = confirms.pendingAck();
        if (upTo != 0) {
            connection.send(channel.number(), new BasicAck(upTo, confirms.pendingMultiple()));
            confirms.ackSent(upTo);
        }
    }

    void confirmSelect(ConfirmSelect select) {
        if (transactional) {
            throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED,
                    "cannot switch from tx to confirm mode");
        }
        if (confirms == null) {
            confirms = new ConfirmTracker();
            channel.engine().setConfirmMode(true);
        }
        if (!select.noWait()) {
            connection.send(channel.number(), new ConfirmSelectOk());
        }
    }

    void txSelect() {
        if (confirms != null) {
            throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED,
                    "cannot switch from confirm to tx mode");
        }
        channel.engine().txSelect();
        transactional = true;
        connection.send(channel.number(), new TxSelectOk());
    }

    void txCommit() {
        requireTx("tx.commit");
        CompletableFuture<PublishResult> done = channel.engine().txCommit();
        if (done.isDone() && !done.isCompletedExceptionally()) {
            connection.send(channel.number(), new TxCommitOk());
            return;
        }
        // Later methods wait for the commit to be durable, so commit-ok goes out before anything that follows.
        connection.suspend();
        done.whenComplete((r, failure) -> connection.execute(() -> {
            try {
                if (!channel.isOpen()) {
                    return;
                }
                if (failure != null) {
                    failed(0, failure);
                } else {
                    connection.send(channel.number(), new TxCommitOk());
                }
            } finally {
                connection.resume();
            }
        }));
    }

    void txRollback() {
        requireTx("tx.rollback");
        channel.engine().txRollback();
        connection.send(channel.number(), new TxRollbackOk());
    }

    private void requireTx(String method) {
        if (!transactional) {
            throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, "channel is not transactional: send "
                    + "tx.select before " + method);
        }
    }
}
