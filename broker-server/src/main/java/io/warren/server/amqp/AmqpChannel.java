package io.warren.server.amqp;

import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.server.amqp.codec.AmqpCodecException;
import io.warren.server.amqp.codec.ContentHeaderCodec;
import io.warren.server.amqp.codec.Frame;
import io.warren.server.amqp.codec.FrameTypes;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.AmqpMethod;
import io.warren.server.amqp.method.BasicAck;
import io.warren.server.amqp.method.BasicCancel;
import io.warren.server.amqp.method.BasicConsume;
import io.warren.server.amqp.method.BasicGet;
import io.warren.server.amqp.method.BasicNack;
import io.warren.server.amqp.method.BasicPublish;
import io.warren.server.amqp.method.BasicQos;
import io.warren.server.amqp.method.BasicRecover;
import io.warren.server.amqp.method.BasicRecoverAsync;
import io.warren.server.amqp.method.BasicReject;
import io.warren.server.amqp.method.ChannelClose;
import io.warren.server.amqp.method.ChannelCloseOk;
import io.warren.server.amqp.method.ChannelFlow;
import io.warren.server.amqp.method.ChannelFlowOk;
import io.warren.server.amqp.method.ChannelOpen;
import io.warren.server.amqp.method.ConfirmSelect;
import io.warren.server.amqp.method.ExchangeBind;
import io.warren.server.amqp.method.ExchangeDeclare;
import io.warren.server.amqp.method.ExchangeDelete;
import io.warren.server.amqp.method.ExchangeUnbind;
import io.warren.server.amqp.method.MethodCodec;
import io.warren.server.amqp.method.QueueBind;
import io.warren.server.amqp.method.QueueDeclare;
import io.warren.server.amqp.method.QueueDelete;
import io.warren.server.amqp.method.QueuePurge;
import io.warren.server.amqp.method.QueueUnbind;
import io.warren.server.amqp.method.TxCommit;
import io.warren.server.amqp.method.TxRollback;
import io.warren.server.amqp.method.TxSelect;
import io.warren.server.amqp.xa.XaRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open AMQP channel: routes its frames to the publisher, consumer and topology handlers over one engine
 * {@link Channel}, and turns failures into channel exceptions ({@code channel.close} with RabbitMQ's code and
 * text) or, where AMQP says so, connection exceptions. After a channel exception it ignores everything but
 * {@code channel.close-ok} / {@code channel.close}. Confined to the connection's event loop.
 */
final class AmqpChannel {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpChannel.class);

    private final AmqpConnection connection;
    private final int number;
    private final Channel engine;
    private final ContentAssembler content;
    private final ChannelPublisher publisher;
    private final ChannelConsumers consumers;
    private final ChannelTopology topology;
    private final ChannelXa xa;
    private AmqpMethod current;
    private boolean closing;
    private boolean released;

    AmqpChannel(AmqpConnection connection, int number, Channel engine) {
        this.connection = connection;
        this.number = number;
        this.engine = engine;
        this.content = new ContentAssembler(connection.server().settings().maxMessageSize());
        this.publisher = new ChannelPublisher(this);
        this.consumers = new ChannelConsumers(this);
        this.topology = new ChannelTopology(this);
        this.xa = new ChannelXa(this);
        if (connection.outbox().paused()) {
            engine.setDeliveryPaused(true);
        }
    }

    void frame(Frame frame) {
        if (closing) {
            if (frame.type() == FrameTypes.METHOD) {
                AmqpMethod m = MethodCodec.decode(frame.payload());
                if (m instanceof ChannelCloseOk) {
                    connection.channelClosed(number);
                } else if (m instanceof ChannelClose) {
                    connection.send(number, new ChannelCloseOk());
                    connection.channelClosed(number);
                }
            }
            return;
        }
        try {
            dispatch(frame);
        } catch (AmqpException e) {
            if (e.connectionLevel()) {
                throw e;
            }
            fail(current == null ? e : e.during(current.classId(), current.methodId()));
        }
    }

    private void dispatch(Frame frame) {
        switch (frame.type()) {
            case FrameTypes.METHOD -> method(frame);
            case FrameTypes.HEADER -> {
                if (content.header(decodeHeader(frame))) {
                    publishAssembled();
                }
            }
            case FrameTypes.BODY -> {
                if (content.body(frame.payload())) {
                    publishAssembled();
                }
            }
            default -> throw AmqpException.connection(ReplyCodes.FRAME_ERROR, "unexpected frame type "
                    + frame.type() + " on channel " + number);
        }
    }

    private io.warren.server.amqp.codec.ContentHeader decodeHeader(Frame frame) {
        try {
            return ContentHeaderCodec.decode(frame.payload());
        } catch (AmqpCodecException e) {
            throw AmqpException.connection(e.replyCode(), e.getMessage());
        } catch (AmqpException e) {
            throw e;
        } finally {
            if (!content.inProgress()) {
                current = null;
            }
        }
    }

    private void method(Frame frame) {
        if (content.inProgress()) {
            throw AmqpException.connection(ReplyCodes.UNEXPECTED_FRAME, "expected content header for class 60, "
                    + "got a method frame on channel " + number);
        }
        AmqpMethod m = MethodCodec.decode(frame.payload());
        current = m;
        if (m instanceof BasicPublish p) {
            content.begin(p);
            return;
        }
        guarded(m, () -> execute(m));
    }

    private void publishAssembled() {
        BasicPublish p = content.method();
        var header = content.contentHeader();
        byte[] body = content.takeBody();
        guarded(p, () -> publisher.publish(p, header, body));
    }

    /** Runs a method's work, turning failures into the exception AMQP prescribes. */
    void guarded(AmqpMethod m, Runnable work) {
        if (!isOpen()) {
            return;
        }
        current = m;
        try {
            work.run();
        } catch (RuntimeException e) {
            failed(e, m);
        }
    }

    /** Reports a failure of method {@code m}: connection exceptions propagate, the rest close this channel. */
    void failed(Throwable failure, AmqpMethod m) {
        AmqpException e;
        if (failure instanceof AmqpException a) {
            e = a;
        } else if (failure instanceof BrokerException b) {
            e = BrokerErrors.toAmqp(b);
        } else if (failure instanceof AmqpCodecException c) {
            e = AmqpException.connection(c.replyCode(), c.getMessage());
        } else {
            LOG.error("internal error on channel {} of {}", number, connection, failure);
            e = AmqpException.connection(ReplyCodes.INTERNAL_ERROR, "internal error: " + failure);
        }
        if (m != null) {
            e = e.during(m.classId(), m.methodId());
        }
        if (e.connectionLevel()) {
            connection.connectionError(e);
        } else {
            fail(e);
        }
    }

    private void execute(AmqpMethod m) {
        if (m instanceof BasicAck a) {
            consumers.ack(a);
        } else if (m instanceof BasicNack n) {
            consumers.nack(n);
        } else if (m instanceof BasicReject r) {
            consumers.reject(r);
        } else if (m instanceof BasicConsume c) {
            consumers.consume(c, topology.queueName(c.queue()));
        } else if (m instanceof BasicCancel c) {
            consumers.cancel(c);
        } else if (m instanceof BasicGet g) {
            consumers.get(g, topology.queueName(g.queue()));
        } else if (m instanceof BasicQos q) {
            consumers.qos(q);
        } else if (m instanceof BasicRecover r) {
            consumers.recover(true);
        } else if (m instanceof BasicRecoverAsync r) {
            consumers.recover(false);
        } else if (m instanceof QueueDeclare d && XaRequests.carriesXa(d)) {
            xa.request(d);
        } else if (m instanceof QueueDeclare d) {
            topology.queueDeclare(d);
        } else if (m instanceof QueueBind b) {
            topology.queueBind(b);
        } else if (m instanceof QueueUnbind u) {
            topology.queueUnbind(u);
        } else if (m instanceof QueuePurge p) {
            topology.queuePurge(p);
        } else if (m instanceof QueueDelete d) {
            topology.queueDelete(d);
        } else if (m instanceof ExchangeDeclare d) {
            topology.exchangeDeclare(d);
        } else if (m instanceof ExchangeDelete d) {
            topology.exchangeDelete(d);
        } else if (m instanceof ExchangeBind b) {
            topology.exchangeBind(b);
        } else if (m instanceof ExchangeUnbind u) {
            topology.exchangeUnbind(u);
        } else if (m instanceof ConfirmSelect s) {
            publisher.confirmSelect(s);
        } else if (m instanceof TxSelect) {
            publisher.txSelect();
        } else if (m instanceof TxCommit) {
            publisher.txCommit();
        } else if (m instanceof TxRollback) {
            publisher.txRollback();
        } else if (m instanceof ChannelFlow f) {
            engine.setFlow(f.active());
            connection.send(number, new ChannelFlowOk(f.active()));
        } else if (m instanceof ChannelFlowOk) {
            return; // the server never asks clients to stop publishing with channel.flow
        } else if (m instanceof ChannelClose) {
            release();
            connection.send(number, new ChannelCloseOk());
            connection.channelClosed(number);
        } else if (m instanceof ChannelCloseOk) {
            return;
        } else if (m instanceof ChannelOpen) {
            throw AmqpException.connection(ReplyCodes.CHANNEL_ERROR, "second 'channel.open' seen on channel "
                    + number);
        } else {
            throw AmqpException.connection(ReplyCodes.COMMAND_INVALID, "'" + m.name()
                    + "' is not a method a client may send on a channel");
        }
    }

    /** A channel exception: releases the engine channel and tells the client; then waits for close-ok. */
    void fail(AmqpException e) {
        if (closing) {
            return;
        }
        LOG.debug("channel {} of {} error: {}", number, connection, e.replyText());
        closing = true;
        release();
        connection.send(number, new ChannelClose(e.replyCode(), e.replyText(), e.classId(), e.methodId()));
        connection.flush();
    }

    /** Cancels consumers and requeues unacknowledged deliveries; idempotent. */
    void release() {
        if (released) {
            return;
        }
        released = true;
        engine.close();
    }

    /** End of a read batch: send the confirms settled meanwhile. */
    void readComplete() {
        if (isOpen()) {
            publisher.sendPendingAck();
        }
    }

    boolean isOpen() {
        return !closing && !released && !connection.isClosed();
    }

    AmqpConnection connection() {
        return connection;
    }

    int number() {
        return number;
    }

    Channel engine() {
        return engine;
    }

    AmqpMethod currentMethod() {
        return current;
    }

    ChannelConsumers consumers() {
        return consumers;
    }
}
