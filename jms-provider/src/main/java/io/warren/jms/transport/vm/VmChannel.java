package io.warren.jms.transport.vm;

import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.DeliveryListener;
import io.warren.broker.PublishResult;
import io.warren.broker.QueueInfo;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrowseCursor;
import io.warren.jms.transport.ConsumerListener;
import io.warren.jms.transport.ConsumerSpec;
import io.warren.jms.transport.Delivery;
import io.warren.jms.transport.PublishOutcome;
import io.warren.jms.transport.QueueState;
import io.warren.message.Message;
import io.warren.broker.tx.TransactionId;
import jakarta.jms.JMSException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A {@link BrokerChannel} on an engine {@link Channel}: every call goes straight to the engine. */
final class VmChannel implements BrokerChannel {
    private static final CompletableFuture<PublishOutcome> ACCEPTED =
            CompletableFuture.completedFuture(PublishOutcome.ACCEPTED);
    private static final CompletableFuture<PublishOutcome> REJECTED =
            CompletableFuture.completedFuture(PublishOutcome.REJECTED);

    private final Channel channel;
    /** Orders {@link #recover}'s flow switching with {@link #holdDeliveries}. */
    private final Object flowLock = new Object();
    private boolean held;

    VmChannel(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void txSelect() throws JMSException {
        try {
            channel.txSelect();
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void trackHandOut() {
        channel.reportHandOut();
    }

    @Override
    public void declareQueue(String name, boolean durable, boolean exclusive, boolean autoDelete,
                             Map<String, Object> arguments) throws JMSException {
        try {
            channel.queueDeclare(name, durable, exclusive, autoDelete, arguments);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public QueueState inspectQueue(String name) throws JMSException {
        try {
            QueueInfo info = channel.queueDeclarePassive(name);
            return new QueueState(info.name(), info.messageCount(), info.consumerCount());
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void deleteQueue(String name, boolean ifUnused) throws JMSException {
        try {
            channel.queueDelete(name, ifUnused, false);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void bindQueue(String queue, String exchange, String bindingKey, Map<String, Object> arguments)
            throws JMSException {
        try {
            channel.queueBind(queue, exchange, bindingKey, arguments);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(String exchange, String routingKey, Message message)
            throws JMSException {
        try {
            return outcome(channel.publish(exchange, routingKey, message));
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public CompletableFuture<PublishOutcome> publishAwaited(String exchange, String routingKey, Message message)
            throws JMSException {
        try {
            return outcome(channel.publishAwaited(exchange, routingKey, message));
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    private static CompletableFuture<PublishOutcome> outcome(CompletableFuture<PublishResult> result) {
        if (result.isDone() && !result.isCompletedExceptionally()) {
            return result.join() == PublishResult.REJECTED ? REJECTED : ACCEPTED;
        }
        return result.handle((r, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                throw new java.util.concurrent.CompletionException(cause instanceof BrokerException b
                        ? EngineErrors.toJms(b) : cause);
            }
            return r == PublishResult.REJECTED ? PublishOutcome.REJECTED : PublishOutcome.ACCEPTED;
        });
    }

    @Override
    public String consume(ConsumerSpec spec, ConsumerListener listener) throws JMSException {
        ConsumeOptions options = new ConsumeOptions(null, spec.prefetch(), false, spec.exclusive(), spec.selector(),
                spec.noLocal());
        try {
            return channel.consume(spec.queue(), options, new DeliveryListener() {
                @Override
                public void onDelivery(io.warren.broker.Delivery d) {
                    listener.onDelivery(new Delivery(d.deliveryTag(), d.message(), d.redelivered(),
                            d.deliveryCount(), VmChannel.this));
                }

                @Override
                public void onCancel(String tag) {
                    listener.onCancel("queue '" + spec.queue() + "' was deleted on the broker");
                }
            });
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void cancel(String consumerTag) throws JMSException {
        try {
            channel.cancel(consumerTag);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public BrowseCursor browse(String queue, String selector) throws JMSException {
        return VmBrowseCursor.open(channel, queue, selector);
    }

    @Override
    public void ack(long tag) throws JMSException {
        try {
            channel.ack(tag, false);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void ack(Collection<Long> tags) throws JMSException {
        try {
            channel.ack(tags);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void recover(Collection<Long> delivered, Supplier<List<Long>> undelivered) throws JMSException {
        synchronized (flowLock) {
            try {
                // a publisher's thread may be pushing to a consumer right now: flow off waits for it to finish
                channel.setFlow(false);
                try {
                    channel.recover(delivered, undelivered.get());
                } finally {
                    if (channel.isOpen() && !held) {
                        channel.setFlow(true);
                    }
                }
            } catch (BrokerException e) {
                throw EngineErrors.toJms(e);
            }
        }
    }

    @Override
    public void holdDeliveries(boolean held) throws JMSException {
        synchronized (flowLock) {
            if (this.held == held) {
                return;
            }
            try {
                channel.setFlow(!held);
            } catch (BrokerException e) {
                throw EngineErrors.toJms(e);
            }
            this.held = held;
        }
    }

    @Override
    public void release(Collection<Long> tags) throws JMSException {
        try {
            channel.release(tags);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    /** The engine hands deliveries to the listener on the publishing thread: none is ever on its way. */
    @Override
    public void syncDeliveries() {
    }

    @Override
    public void handedOut(Collection<Long> tags) throws JMSException {
        try {
            channel.handedOut(tags);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public CompletableFuture<PublishOutcome> commit() throws JMSException {
        try {
            return outcome(channel.txCommit());
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void rollback() throws JMSException {
        try {
            channel.txRollback();
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void xaStart(Xid xid, int flags, int timeoutSeconds) throws XAException {
        try {
            channel.xaStart(XaTranslation.id(xid), XaTranslation.startMode(flags), timeoutSeconds);
        } catch (RuntimeException e) {
            throw XaTranslation.translate(e);
        }
    }

    @Override
    public void xaEnd(Xid xid, int flags) throws XAException {
        try {
            channel.xaEnd(XaTranslation.id(xid), XaTranslation.endMode(flags));
        } catch (RuntimeException e) {
            throw XaTranslation.translate(e);
        }
    }

    @Override
    public int xaPrepare(Xid xid) throws XAException {
        try {
            return XaTranslation.await(channel.xaPrepare(XaTranslation.id(xid)))
                    ? XAResource.XA_RDONLY : XAResource.XA_OK;
        } catch (RuntimeException e) {
            throw XaTranslation.translate(e);
        }
    }

    @Override
    public void xaCommit(Xid xid, boolean onePhase) throws XAException {
        try {
            XaTranslation.await(channel.xaCommit(XaTranslation.id(xid), onePhase));
        } catch (RuntimeException e) {
            throw XaTranslation.translate(e);
        }
    }

    @Override
    public void xaRollback(Xid xid) throws XAException {
        try {
            XaTranslation.await(channel.xaRollback(XaTranslation.id(xid)));
        } catch (RuntimeException e) {
            throw XaTranslation.translate(e);
        }
    }

    @Override
    public List<Xid> xaRecover() throws XAException {
        try {
            List<Xid> out = new ArrayList<>();
            for (TransactionId id : channel.xaRecover()) {
                out.add(XaTranslation.xid(id));
            }
            return out;
        } catch (RuntimeException e) {
            throw XaTranslation.translate(e);
        }
    }

    @Override
    public void xaForget(Xid xid) throws XAException {
        try {
            channel.xaForget(XaTranslation.id(xid));
        } catch (RuntimeException e) {
            throw XaTranslation.translate(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (BrokerException ignored) {
            // the broker may be stopped; it returns unacknowledged messages either way
        }
    }

    @Override
    public String toString() {
        return channel.toString();
    }
}
