package io.warren.broker;

import io.warren.broker.exchange.ExchangeType;
import io.warren.message.Message;
import io.warren.broker.queue.DeliveryGate;
import io.warren.broker.queue.DeliveryTarget;
import io.warren.broker.queue.MessageQueue;
import io.warren.broker.queue.QueueConsumer;
import io.warren.broker.queue.QueueEntry;
import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import io.warren.broker.tx.XaError;
import io.warren.selector.Selector;
import io.warren.broker.management.ChannelInfo;
import io.warren.broker.management.ConsumerInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client's session with the broker, shaped like an AMQP 0-9-1 channel: it declares and binds, publishes,
 * consumes, and settles deliveries by delivery tag. In transactional mode ({@link #txSelect()}) publishes
 * and acknowledgements are held until {@link #txCommit()} applies them atomically; between {@link #xaStart} and
 * {@link #xaEnd} they go to an XA transaction branch instead.
 *
 * <p>Methods may be called from any thread; a single client normally drives a channel from one thread.
 */
public final class Channel implements AutoCloseable {
    private static final CompletableFuture<PublishResult> ROUTED_TX = CompletableFuture.completedFuture(PublishResult.ROUTED);

    private final ClientConnection connection;
    private final VirtualHost host;
    private final int number;
    private final AtomicLong deliveryTags = new AtomicLong();
    private final AtomicLong consumerTags = new AtomicLong();
    private final Map<Long, Unacked> unacked = new ConcurrentHashMap<>();
    private final Map<String, Registration> consumers = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile boolean transactional;
    private volatile boolean confirmMode;
    private volatile boolean reportsHandOut;
    /** The XA branch this channel works for now, if any. */
    private volatile Branch branch;
    private final List<Message> txPublishes = new ArrayList<>();
    private final Map<Long, Unacked> txAcks = new ConcurrentHashMap<>();
    private final DeliveryGate gate = new DeliveryGate(this::pushConsumers);

    private record Unacked(MessageQueue queue, QueueEntry entry) {
    }

    /** One consumer: its queue registration and the listener its deliveries go to. */
    private final class Registration implements DeliveryTarget {
        final MessageQueue queue;
        final DeliveryListener listener;
        volatile QueueConsumer consumer;

        Registration(MessageQueue queue, DeliveryListener listener) {
            this.queue = queue;
            this.listener = listener;
        }

        @Override
        public void deliver(MessageQueue q, QueueEntry entry, QueueConsumer c) {
            long tag = deliveryTags.incrementAndGet();
            if (!c.autoAck()) {
                unacked.put(tag, new Unacked(q, entry));
            }
            listener.onDelivery(new Delivery(tag, c.tag(), q.name(), entry.message(), entry.deliveryCount()));
        }

        @Override
        public void cancelled(QueueConsumer c) {
            consumers.remove(c.tag(), this);
            listener.onCancel(c.tag());
        }
    }

    Channel(ClientConnection connection, int number) {
        this.connection = connection;
        this.host = connection.virtualHost();
        this.number = number;
    }

    /**
     * What this channel is doing now, for operators: consumers, unsettled deliveries, limits and modes. A
     * snapshot; it may already be out of date when returned.
     */
    public ChannelInfo info() {
        List<ConsumerInfo> list = new ArrayList<>(consumers.size());
        for (Registration r : consumers.values()) {
            QueueConsumer c = r.consumer;
            if (c != null) {
                list.add(new ConsumerInfo(c.tag(), r.queue.name(), c.prefetch(), !c.autoAck(), c.exclusive(),
                        c.filter() == null ? null : c.filter().expression()));
            }
        }
        list.sort(java.util.Comparator.comparing(ConsumerInfo::tag));
        return new ChannelInfo(number, list, unacked.size(), gate.limit(), transactional, confirmMode,
                branch != null);
    }

    /** Records that the client turned publisher confirms on; the transport implements them, this only reports it. */
    public void setConfirmMode(boolean on) {
        confirmMode = on;
    }

    public int number() {
        return number;
    }

    public ClientConnection connection() {
        return connection;
    }

    public boolean isOpen() {
        return !closed && connection.isOpen();
    }

    private void checkOpen() {
        if (!isOpen()) {
            String why = connection.closeReason();
            throw BrokerException.illegalState("channel " + number + " of " + connection + " is closed"
                    + (why == null ? "" : ": " + why));
        }
    }

    private String connectionId() {
        return connection.id();
    }

    // ---- declarations ----------------------------------------------------------------------------------

    public void exchangeDeclare(String exchange, ExchangeType type, boolean durable, boolean autoDelete,
                                boolean internal, Map<String, Object> arguments) {
        checkOpen();
        host.exchangeDeclare(exchange, type, durable, autoDelete, internal, arguments);
    }

    public void exchangeDeclarePassive(String exchange) {
        checkOpen();
        host.exchangeDeclarePassive(exchange);
    }

    public void exchangeDelete(String exchange, boolean ifUnused) {
        checkOpen();
        host.exchangeDelete(exchange, ifUnused);
    }

    public void exchangeBind(String destination, String source, String routingKey, Map<String, Object> arguments) {
        checkOpen();
        host.exchangeBind(destination, source, routingKey, arguments);
    }

    public void exchangeUnbind(String destination, String source, String routingKey, Map<String, Object> arguments) {
        checkOpen();
        host.exchangeUnbind(destination, source, routingKey, arguments);
    }

    public QueueInfo queueDeclare(String queue, boolean durable, boolean exclusive, boolean autoDelete,
                                  Map<String, Object> arguments) {
        checkOpen();
        return host.queueDeclare(connectionId(), queue, durable, exclusive, autoDelete, arguments);
    }

    public QueueInfo queueDeclarePassive(String queue) {
        checkOpen();
        return host.queueDeclarePassive(connectionId(), queue);
    }

    public int queueDelete(String queue, boolean ifUnused, boolean ifEmpty) {
        checkOpen();
        return host.queueDelete(connectionId(), queue, ifUnused, ifEmpty);
    }

    public int queuePurge(String queue) {
        checkOpen();
        return host.queuePurge(connectionId(), queue);
    }

    public void queueBind(String queue, String exchange, String routingKey, Map<String, Object> arguments) {
        checkOpen();
        host.queueBind(connectionId(), queue, exchange, routingKey, arguments);
    }

    public void queueUnbind(String queue, String exchange, String routingKey, Map<String, Object> arguments) {
        checkOpen();
        host.queueUnbind(connectionId(), queue, exchange, routingKey, arguments);
    }

    // ---- publishing ------------------------------------------------------------------------------------

    /**
     * Publishes a message. Outside a transaction the future completes once the message is in its queues and,
     * if persistent, durable. Inside one the message is held until commit and the future completes at once
     * with {@link PublishResult#ROUTED}; routing happens at commit. The message's origin is set to this
     * connection's {@link ClientConnection#origin()} for no-local consumers.
     */
    public CompletableFuture<PublishResult> publish(String exchange, String routingKey, Message message) {
        return publish(exchange, routingKey, message, true);
    }

    /**
     * Publishes as {@link #publish(String, String, Message)}; with {@code waitForMemory} false the call never
     * waits for broker memory — for a network transport that never blocks its I/O thread and instead stops
     * reading from publishers while {@link io.warren.broker.flow.MemoryGuard#hasCapacity()} is false.
     */
    public CompletableFuture<PublishResult> publish(String exchange, String routingKey, Message message,
                                                    boolean waitForMemory) {
        return publish(exchange, routingKey, message, waitForMemory, false);
    }

    /**
     * Publishes as {@link #publish(String, String, Message)}, for a caller that waits for the returned future
     * straight away ({@code get} or {@code join}), such as a synchronous send: the waiting thread may then write a
     * persistent message to the store itself ({@link io.warren.broker.store.Store#writeAwaited}). A caller that
     * does not wait at once must use {@link #publish(String, String, Message)}.
     */
    public CompletableFuture<PublishResult> publishAwaited(String exchange, String routingKey, Message message) {
        return publish(exchange, routingKey, message, true, true);
    }

    private CompletableFuture<PublishResult> publish(String exchange, String routingKey, Message message,
                                                     boolean waitForMemory, boolean awaited) {
        checkOpen();
        String origin = connection.origin();
        Message m = message.origin() == null || !message.origin().equals(origin)
                ? message.toBuilder().exchange(exchange).routingKey(routingKey).origin(origin).build()
                : VirtualHost.withRouting(exchange, routingKey, message);
        Branch b = branch;
        if ((b != null || transactional) && waitForMemory) {
            // Held publishes reach their queues at commit, a thousand at a time; flow control must hold them
            // back here as it does publishes outside a transaction.
            host.memory().awaitCapacity();
        }
        if (b != null) {
            host.exchangeForPublish(exchange, routingKey);
            if (!b.publish(m)) {
                throw completedBranch(b);
            }
            return ROUTED_TX;
        }
        if (transactional) {
            host.exchangeForPublish(exchange, routingKey);
            synchronized (txPublishes) {
                txPublishes.add(m);
            }
            return ROUTED_TX;
        }
        if (awaited) {
            return host.publishAwaited(exchange, routingKey, m);
        }
        return host.publish(exchange, routingKey, m, waitForMemory);
    }

    /**
     * Whether a message published now to {@code exchange} with {@code routingKey} would reach at least one
     * queue — what a transactional publisher learns before commit, where routing happens (AMQP's
     * {@code mandatory} flag on a transactional channel).
     */
    public boolean hasRoute(String exchange, String routingKey, Message message) {
        checkOpen();
        return !host.route(host.exchangeForPublish(exchange, routingKey), VirtualHost.withRouting(exchange, routingKey, message))
                .isEmpty();
    }

    // ---- consuming -------------------------------------------------------------------------------------

    /**
     * Starts a consumer on a queue; messages are pushed to {@code listener} up to the prefetch.
     *
     * @return the consumer tag
     */
    public String consume(String queue, ConsumeOptions options, DeliveryListener listener) {
        checkOpen();
        Selector selector = Selectors.compile(options.selector());
        MessageQueue q = host.queue(queue, connectionId());
        String tag = options.consumerTag() == null || options.consumerTag().isEmpty()
                ? "ctag-" + number + "-" + consumerTags.incrementAndGet() : options.consumerTag();
        Registration reg = new Registration(q, listener);
        if (consumers.putIfAbsent(tag, reg) != null) {
            throw BrokerException.preconditionFailed("consumer tag '" + tag + "' is already in use on channel "
                    + number);
        }
        reg.consumer = new QueueConsumer(tag, reg, options.prefetch(), options.autoAck(), options.exclusive(),
                selector, options.noLocal() ? connection.origin() : null, gate);
        try {
            q.addConsumer(reg.consumer, connectionId());
        } catch (RuntimeException e) {
            consumers.remove(tag);
            throw e;
        }
        return tag;
    }

    /**
     * Limits the deliveries awaiting acknowledgement across all consumers of this channel (AMQP
     * {@code basic.qos} with {@code global}); 0 removes the limit. Each consumer's own prefetch still applies.
     */
    public void setChannelPrefetch(int limit) {
        checkOpen();
        if (limit < 0) {
            throw BrokerException.invalidArgument("channel prefetch must not be negative, was " + limit);
        }
        gate.setLimit(limit);
    }

    /**
     * Switches deliveries to this channel's consumers off and on (AMQP {@code channel.flow}). Switching off
     * returns once no queue is pushing to them any more: every delivery made before has reached its listener,
     * and none follows until flow is switched on again, which pushes what waits.
     */
    public void setFlow(boolean active) {
        checkOpen();
        gate.setFlowActive(active);
        if (!active) {
            // A queue reads the gate under its lock, so one that read it open just before may be pushing now:
            // taking each lock once waits for those pushes; later ones see the gate shut.
            for (Registration reg : consumers.values()) {
                reg.queue.lock();
                reg.queue.unlock();
            }
        }
    }

    public boolean isFlowActive() {
        return gate.flowActive();
    }

    /**
     * Holds deliveries back while the client's transport cannot take more (a socket that is not writable) and
     * lets them flow again when {@code paused} is false; independent of {@link #setFlow}.
     */
    public void setDeliveryPaused(boolean paused) {
        gate.setPaused(paused);
    }

    private void pushConsumers() {
        if (closed) {
            return;
        }
        for (Registration reg : consumers.values()) {
            reg.queue.dispatch();
        }
    }

    /** Stops a consumer. Its unacknowledged deliveries stay unacknowledged on this channel. */
    public void cancel(String consumerTag) {
        Registration reg = consumers.remove(consumerTag);
        if (reg == null) {
            throw BrokerException.notFound("consumer '" + consumerTag + "' on channel " + number);
        }
        reg.queue.removeConsumer(reg.consumer);
    }

    /**
     * Takes one message from a queue, or returns null when none (matching {@code selector}) is available.
     */
    public Delivery get(String queue, boolean autoAck, String selector) {
        checkOpen();
        Selector filter = Selectors.compile(selector);
        MessageQueue q = host.queue(queue, connectionId());
        QueueEntry e = q.get(filter, autoAck, connectionId());
        if (e == null) {
            return null;
        }
        long tag = deliveryTags.incrementAndGet();
        if (!autoAck) {
            unacked.put(tag, new Unacked(q, e));
        }
        return new Delivery(tag, null, q.name(), e.message(), e.deliveryCount());
    }

    /**
     * All the messages in a queue (matching {@code selector}), without removing them, in one list: for tools with
     * limits of their own; a queue of any depth is browsed with {@link #browse(String, String, BrowsePosition, int)}.
     */
    public List<Message> browse(String queue, String selector) {
        checkOpen();
        Selector filter = Selectors.compile(selector);
        return host.queue(queue, connectionId()).browse(filter, connectionId());
    }

    /**
     * The next at most {@code max} messages of a queue (matching {@code selector}) after {@code after}, without
     * removing them; start from {@link BrowsePosition#START} and continue from each batch's position until it is
     * done. See {@link MessageQueue#browse(Selector, String, BrowsePosition, int)} for what a chain of batches
     * returns.
     */
    public BrowseBatch browse(String queue, String selector, BrowsePosition after, int max) {
        checkOpen();
        Selector filter = Selectors.compile(selector);
        return host.queue(queue, connectionId()).browse(filter, connectionId(), after, max);
    }

    /**
     * A delivery tag for a delivery the caller makes on this channel itself, outside any consumer (a browse):
     * unique among the channel's tags, and unknown to {@link #ack} and the other settling methods.
     */
    public long reserveDeliveryTag() {
        return deliveryTags.incrementAndGet();
    }

    // ---- settling --------------------------------------------------------------------------------------

    /** Acknowledges one delivery, or all up to the tag when {@code multiple}. */
    public void ack(long deliveryTag, boolean multiple) {
        checkOpen();
        if (!multiple && !transactional && branch == null) {
            Unacked u = unacked.remove(deliveryTag);
            if (u == null) {
                throw unknownTag(deliveryTag);
            }
            u.queue().acknowledge(List.of(u.entry()));
            return;
        }
        Map<Long, Unacked> taken = take(deliveryTag, multiple);
        if (toBranch(taken)) {
            return;
        }
        if (transactional) {
            txAcks.putAll(taken);
            return;
        }
        forEachQueue(taken.values(), MessageQueue::acknowledge);
    }

    /** While associated with an XA branch, acknowledgements go to it; true when they did. */
    private boolean toBranch(Map<Long, Unacked> taken) {
        Branch b = branch;
        if (b == null) {
            return false;
        }
        List<Branch.Ack> acks = new ArrayList<>(taken.size());
        for (Unacked u : taken.values()) {
            acks.add(new Branch.Ack(u.queue(), u.entry()));
        }
        b.acknowledge(acks);
        return true;
    }

    /** Acknowledges exactly the given deliveries (those a client handed to its application). */
    public void ack(Collection<Long> deliveryTags) {
        checkOpen();
        Map<Long, Unacked> taken = new java.util.TreeMap<>();
        for (Long tag : deliveryTags) {
            Unacked u = unacked.remove(tag);
            if (u != null) {
                taken.put(tag, u);
            }
        }
        if (toBranch(taken)) {
            return;
        }
        if (transactional) {
            txAcks.putAll(taken);
            return;
        }
        forEachQueue(taken.values(), MessageQueue::acknowledge);
    }

    /**
     * Returns deliveries to their queues in one step per queue, preserving queue order: {@code delivered}
     * ones were seen by the application and come back redelivered, {@code undelivered} ones were only
     * prefetched and do not count as a delivery. Tags held by the current transaction are included.
     */
    public void recover(Collection<Long> delivered, Collection<Long> undelivered) {
        checkOpen();
        requeue(takeAny(delivered), takeAny(undelivered));
    }

    /** Requeues in one step per queue, so each queue restores its order across both kinds. */
    private static void requeue(List<Unacked> seen, List<Unacked> unseen) {
        Map<MessageQueue, List<QueueEntry>> seenByQueue = group(seen);
        Map<MessageQueue, List<QueueEntry>> unseenByQueue = group(unseen);
        java.util.Set<MessageQueue> queues = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        queues.addAll(seenByQueue.keySet());
        queues.addAll(unseenByQueue.keySet());
        for (MessageQueue q : queues) {
            q.requeue(seenByQueue.getOrDefault(q, List.of()), unseenByQueue.getOrDefault(q, List.of()));
        }
    }

    private List<Unacked> takeAny(Collection<Long> tags) {
        List<Unacked> taken = new ArrayList<>(tags.size());
        for (Long tag : tags) {
            Unacked u = unacked.remove(tag);
            if (u == null) {
                u = txAcks.remove(tag);
            }
            if (u != null) {
                taken.add(u);
            }
        }
        return taken;
    }

    /** Negatively acknowledges: requeued (counting as a delivery) or dead-lettered/dropped. */
    public void nack(long deliveryTag, boolean multiple, boolean requeue) {
        checkOpen();
        Map<Long, Unacked> taken = take(deliveryTag, multiple);
        if (requeue) {
            forEachQueue(taken.values(), (q, entries) -> q.requeue(entries, true));
        } else {
            forEachQueue(taken.values(), MessageQueue::reject);
        }
    }

    public void reject(long deliveryTag, boolean requeue) {
        nack(deliveryTag, false, requeue);
    }

    /**
     * Returns deliveries the client received but never gave to the application (prefetched, then not
     * wanted): requeued in place without counting as a delivery.
     */
    public void release(Collection<Long> deliveryTags) {
        List<Unacked> taken = new ArrayList<>(deliveryTags.size());
        for (Long tag : deliveryTags) {
            Unacked u = unacked.remove(tag);
            if (u != null) {
                taken.add(u);
            }
        }
        forEachQueue(taken, (q, entries) -> q.requeue(entries, false));
    }

    /** Requeues every unacknowledged delivery of this channel (they come back marked redelivered). */
    public void recover() {
        checkOpen();
        Map<Long, Unacked> all = new java.util.TreeMap<>(unacked);
        all.keySet().forEach(unacked::remove);
        forEachQueue(all.values(), (q, entries) -> q.requeue(entries, true));
    }

    /**
     * Tells the broker the client handed these deliveries to its application. They remain to be settled, but
     * stop counting against their consumer's prefetch (which bounds what a client holds ahead of its
     * application), so a consumer that settles late — client acknowledgement, transactions — keeps receiving.
     */
    public void handedOut(Collection<Long> deliveryTags) {
        List<Unacked> found = new ArrayList<>(deliveryTags.size());
        for (Long tag : deliveryTags) {
            Unacked u = unacked.get(tag);
            if (u != null) {
                found.add(u);
            }
        }
        forEachQueue(found, MessageQueue::returnCredit);
    }

    /**
     * Declares that this channel's client calls {@link #handedOut} for what it gives its application, so when
     * the channel closes, deliveries never handed out return without counting as delivered.
     */
    public void reportHandOut() {
        reportsHandOut = true;
    }

    /** Number of deliveries awaiting acknowledgement on this channel. */
    public int unacknowledgedCount() {
        return unacked.size();
    }

    private Map<Long, Unacked> take(long deliveryTag, boolean multiple) {
        if (multiple) {
            // Rare (JMS never settles "up to a tag"): a scan of the outstanding deliveries is fine.
            Map<Long, Unacked> taken = new java.util.TreeMap<>();
            for (Long tag : List.copyOf(unacked.keySet())) {
                if (tag <= deliveryTag) {
                    Unacked u = unacked.remove(tag);
                    if (u != null) {
                        taken.put(tag, u);
                    }
                }
            }
            return taken;
        }
        Unacked u = unacked.remove(deliveryTag);
        if (u == null) {
            throw unknownTag(deliveryTag);
        }
        return Map.of(deliveryTag, u);
    }

    private BrokerException unknownTag(long deliveryTag) {
        return BrokerException.illegalState("unknown delivery tag " + deliveryTag + " on channel " + number
                + ": already settled or never delivered here");
    }

    private static void forEachQueue(Collection<Unacked> settled,
                                     java.util.function.BiConsumer<MessageQueue, List<QueueEntry>> action) {
        if (settled.isEmpty()) {
            return;
        }
        if (settled.size() == 1) {
            Unacked u = settled.iterator().next();
            action.accept(u.queue(), List.of(u.entry()));
            return;
        }
        Map<MessageQueue, List<QueueEntry>> byQueue = group(settled);
        byQueue.forEach(action);
    }

    private static Map<MessageQueue, List<QueueEntry>> group(Collection<Unacked> settled) {
        Map<MessageQueue, List<QueueEntry>> byQueue = new IdentityHashMap<>();
        for (Unacked u : settled) {
            byQueue.computeIfAbsent(u.queue(), k -> new ArrayList<>()).add(u.entry());
        }
        return byQueue;
    }

    // ---- transactions ----------------------------------------------------------------------------------

    /** Puts the channel in transactional mode; it stays so until closed. */
    public void txSelect() {
        checkOpen();
        transactional = true;
    }

    public boolean isTransactional() {
        return transactional;
    }

    /**
     * Applies the held publishes and acknowledgements atomically. The future completes when they are
     * durable; {@link PublishResult#REJECTED} tells that a full queue refused a message.
     *
     * @throws BrokerException when the commit could not be applied (a page write failed: {@code STORE_ERROR};
     *         an exchange was deleted: {@code NOT_FOUND}): none of it took effect and the transaction is rolled
     *         back, as {@link #txRollback()} does
     */
    public CompletableFuture<PublishResult> txCommit() {
        checkOpen();
        requireTx();
        List<Message> publishes;
        synchronized (txPublishes) {
            publishes = List.copyOf(txPublishes);
            txPublishes.clear();
        }
        Map<Long, Unacked> acks = new java.util.TreeMap<>(txAcks);
        acks.keySet().forEach(txAcks::remove);
        try {
            return host.commit(group(acks.values()), publishes);
        } catch (BrokerException e) {
            unacked.putAll(acks);
            throw new BrokerException(e.code(), "commit on channel " + number + " failed and nothing of it was"
                    + " applied; its " + publishes.size() + " publish(es) are discarded and its " + acks.size()
                    + " acknowledgement(s) undone (those deliveries are unacknowledged again): " + e.getMessage(), e);
        }
    }

    /**
     * Discards held publishes; held acknowledgements are undone, so those deliveries are unacknowledged
     * again (call {@link #recover()} to have them redelivered).
     */
    public void txRollback() {
        checkOpen();
        requireTx();
        synchronized (txPublishes) {
            txPublishes.clear();
        }
        Map<Long, Unacked> acks = new java.util.TreeMap<>(txAcks);
        acks.keySet().forEach(txAcks::remove);
        unacked.putAll(acks);
    }

    private void requireTx() {
        if (!transactional) {
            throw BrokerException.illegalState("channel " + number + " is not transactional: call txSelect first");
        }
    }

    // ---- XA transaction branches -------------------------------------------------------------------------

    /**
     * Associates this channel with an XA branch: until {@link #xaEnd}, its publishes and acknowledgements are
     * the branch's work. {@code timeoutSeconds} (0 for the broker's default) applies to a new branch: one not
     * prepared in time is rolled back.
     */
    public void xaStart(TransactionId xid, StartMode mode, int timeoutSeconds) {
        checkOpen();
        if (transactional) {
            throw new BranchException(XaError.PROTOCOL, "channel " + number + " is in local transaction mode"
                    + " (tx.select): it cannot work for an XA branch");
        }
        Branch current = branch;
        if (current != null) {
            throw new BranchException(XaError.PROTOCOL, "channel " + number + " works for " + current
                    + " already: end that association first");
        }
        branch = host.xaBranches().start(xid, mode, timeoutSeconds);
    }

    /** Ends this channel's association with the branch. */
    public void xaEnd(TransactionId xid, EndMode mode) {
        checkOpen();
        Branch b = branch;
        if (b == null || !b.xid.equals(xid)) {
            throw new BranchException(XaError.PROTOCOL, "channel " + number + " does not work for transaction branch "
                    + xid + (b == null ? ": it works for none" : ": it works for " + b.xid));
        }
        branch = null;
        host.xaBranches().end(b, mode);
    }

    /** The branch this channel works for, or null. */
    public TransactionId xaBranch() {
        Branch b = branch;
        return b == null ? null : b.xid;
    }

    /**
     * Prepares a branch of this channel's virtual host; the future completes with true when it was read-only
     * (did nothing, already forgotten), with false once its work is durable.
     */
    public CompletableFuture<Boolean> xaPrepare(TransactionId xid) {
        checkOpen();
        return host.xaBranches().prepare(xid);
    }

    /** Commits a branch: a prepared one in two phases, an unprepared one with {@code onePhase}. */
    public CompletableFuture<Void> xaCommit(TransactionId xid, boolean onePhase) {
        checkOpen();
        return host.xaBranches().commit(xid, onePhase);
    }

    /** Rolls a branch back; what it acknowledged returns to the queues as redelivered. */
    public CompletableFuture<Void> xaRollback(TransactionId xid) {
        checkOpen();
        return host.xaBranches().rollback(xid);
    }

    /** The branches of this virtual host in doubt: prepared and neither committed nor rolled back. */
    public List<TransactionId> xaRecover() {
        checkOpen();
        return host.xaBranches().recover();
    }

    /** Forgets a heuristically completed branch (the broker never completes one on its own). */
    public void xaForget(TransactionId xid) {
        checkOpen();
        host.xaBranches().forget(xid);
    }

    private static BranchException completedBranch(Branch b) {
        XaError why = b.failure == null ? XaError.PROTOCOL : b.failure;
        return new BranchException(why, "cannot send in " + b + ": it was " + (why == XaError.TIMED_OUT
                ? "rolled back because it outlived its timeout" : "completed"));
    }

    // ---- closing ---------------------------------------------------------------------------------------

    /** Cancels the consumers and requeues unacknowledged deliveries (marked redelivered). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Branch b = branch;
        if (b != null) {
            branch = null;
            host.xaBranches().abandoned(b);
        }
        for (String tag : List.copyOf(consumers.keySet())) {
            Registration reg = consumers.remove(tag);
            if (reg != null) {
                reg.queue.removeConsumer(reg.consumer);
            }
        }
        unacked.putAll(txAcks);
        txAcks.clear();
        Map<Long, Unacked> all = new java.util.TreeMap<>(unacked);
        unacked.clear();
        List<Unacked> seen = new ArrayList<>(all.size());
        List<Unacked> unseen = new ArrayList<>();
        for (Unacked u : all.values()) {
            (reportsHandOut && u.entry().awaitsHandOut() ? unseen : seen).add(u);
        }
        requeue(seen, unseen);
        connection.channelClosed(this);
    }

    @Override
    public String toString() {
        return "channel " + number + " of " + connection;
    }
}
