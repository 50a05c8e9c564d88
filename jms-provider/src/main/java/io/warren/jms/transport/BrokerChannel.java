package io.warren.jms.transport;

import io.warren.message.Message;
import jakarta.jms.JMSException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One session's channel to the broker. Methods fail with a {@link JMSException} whose subclass and
 * {@link ErrorCodes error code} say what the broker refused. A channel is used by one session: its methods
 * may be called from the application's and the session's threads, never at once for the same delivery.
 */
public interface BrokerChannel {
    /** Makes the channel transactional: publishes and acknowledgements take effect on {@link #commit()}. */
    void txSelect() throws JMSException;

    /**
     * Messages this session hands to the application stop counting against the prefetch once reported with
     * {@link #handedOut}: they wait for acknowledgement or commit, however long.
     */
    void trackHandOut() throws JMSException;

    void declareQueue(String name, boolean durable, boolean exclusive, boolean autoDelete,
                      Map<String, Object> arguments) throws JMSException;

    /** The queue's state; fails with {@link ErrorCodes#NOT_FOUND} when there is none. */
    QueueState inspectQueue(String name) throws JMSException;

    /** Deletes a queue; with {@code ifUnused}, fails with {@link ErrorCodes#PRECONDITION_FAILED} while it has consumers. */
    void deleteQueue(String name, boolean ifUnused) throws JMSException;

    void bindQueue(String queue, String exchange, String bindingKey, Map<String, Object> arguments)
            throws JMSException;

    /**
     * Publishes a message. The future completes once the broker took it, for a persistent message once it is
     * stored; on a transactional channel once it is part of the transaction.
     */
    CompletableFuture<PublishOutcome> publish(String exchange, String routingKey, Message message)
            throws JMSException;

    /**
     * Publishes as {@link #publish}, for a caller that waits for the returned future straight away ({@code get} or
     * {@code join}), such as a synchronous send: a transport in the broker's process may then let the waiting thread
     * store a persistent message itself. A caller that does not wait at once must use {@link #publish}.
     */
    default CompletableFuture<PublishOutcome> publishAwaited(String exchange, String routingKey, Message message)
            throws JMSException {
        return publish(exchange, routingKey, message);
    }

    /** Starts a consumer; returns its tag. */
    String consume(ConsumerSpec spec, ConsumerListener listener) throws JMSException;

    /** Stops a consumer; messages pushed to it and not acknowledged stay with the channel until released. */
    void cancel(String consumerTag) throws JMSException;

    /**
     * Starts a walk through the messages in a queue matching {@code selector} (null for all), without taking them;
     * fails here when the queue cannot be browsed (missing, exclusive to another connection, bad selector).
     */
    BrowseCursor browse(String queue, String selector) throws JMSException;

    void ack(long tag) throws JMSException;

    void ack(Collection<Long> tags) throws JMSException;

    /**
     * Returns messages to their queues: {@code delivered} ones (the application saw them) count as redelivered,
     * {@code undelivered} ones (prefetched, never seen) do not; all come again in queue order.
     *
     * <p>A delivery the broker made before the call may still be on its way to a consumer; arriving after the
     * consumers' buffers were emptied, it would overtake the messages returned. So the channel first holds the
     * broker's deliveries and waits for those on their way, then asks {@code undelivered} for the tags the
     * consumers buffered (called once, on the calling thread), returns everything, and lets deliveries flow
     * again. Over a transport that cannot hold deliveries (RabbitMQ), one on its way may still overtake.
     */
    void recover(Collection<Long> delivered, Supplier<List<Long>> undelivered) throws JMSException;

    /**
     * Holds the broker's deliveries to this channel's consumers while {@code held} (their connection is stopped),
     * so that their queues give messages to other consumers instead, and lets them flow again when it is false.
     * Holding returns once no delivery is on its way; what the consumers buffered before stays buffered.
     * {@link #recover} keeps the state. Over a transport that cannot hold deliveries (RabbitMQ refuses a client's
     * {@code channel.flow}) this does nothing.
     */
    void holdDeliveries(boolean held) throws JMSException;

    /** Returns messages the application never saw to their queues, not counted as delivered. */
    void release(Collection<Long> tags) throws JMSException;

    /**
     * Returns once every message the broker pushed to this channel's consumers before the call reached their
     * listeners: after it, an empty consumer has no message on its way ({@code receiveNoWait}).
     */
    void syncDeliveries() throws JMSException;

    /** Reports messages handed to the application (see {@link #trackHandOut()}). */
    void handedOut(Collection<Long> tags) throws JMSException;

    /**
     * Commits the transaction: its acknowledgements and publishes take effect together. The future completes
     * once everything is stored, with {@link PublishOutcome#REJECTED} when a full queue refused a message.
     */
    CompletableFuture<PublishOutcome> commit() throws JMSException;

    /** Discards the transaction's publishes and acknowledgements. */
    void rollback() throws JMSException;

    // ---- XA (only where BrokerFeatures.xa()); every failure is an XAException with the XA error code ----

    /**
     * Associates the channel with XA branch {@code xid}: until {@link #xaEnd}, its publishes and acknowledgements
     * are the branch's work. {@code flags} are {@code XAResource.TMNOFLAGS}, {@code TMJOIN} or {@code TMRESUME};
     * {@code timeoutSeconds} (0: the broker's default) bounds how long a new branch may stay unprepared.
     */
    void xaStart(Xid xid, int flags, int timeoutSeconds) throws XAException;

    /** Ends the association: {@code XAResource.TMSUCCESS}, {@code TMSUSPEND} or {@code TMFAIL}. */
    void xaEnd(Xid xid, int flags) throws XAException;

    /** Prepares a branch of this broker; {@code XAResource.XA_OK}, or {@code XA_RDONLY} when it did nothing. */
    int xaPrepare(Xid xid) throws XAException;

    void xaCommit(Xid xid, boolean onePhase) throws XAException;

    void xaRollback(Xid xid) throws XAException;

    /** The broker's branches in doubt: prepared, neither committed nor rolled back. */
    List<Xid> xaRecover() throws XAException;

    void xaForget(Xid xid) throws XAException;

    /** Closes the channel; unacknowledged messages go back to their queues. Never fails. */
    void close();
}
