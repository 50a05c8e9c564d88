package io.warren.broker;

import io.warren.broker.management.BindingInfo;
import io.warren.broker.management.ExchangeInfo;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.exchange.Binding;
import io.warren.broker.exchange.Exchange;
import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.exchange.RouteCollector;
import io.warren.message.Message;
import io.warren.message.Values;
import io.warren.broker.queue.Arrivals;
import io.warren.broker.queue.DeadLetter;
import io.warren.broker.queue.MessageQueue;
import io.warren.broker.queue.QueueArguments;
import io.warren.broker.queue.QueueConsumer;
import io.warren.broker.queue.QueueHost;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.Store;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An isolated namespace of exchanges, queues and bindings, with the operations of AMQP 0-9-1 on them.
 * Management operations (declare, delete, bind) are serialised by one lock; publishing reads the exchange
 * and binding indexes without it and takes only the locks of the queues it reaches.
 */
public final class VirtualHost implements QueueHost {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualHost.class);
    private static final CompletableFuture<PublishResult> ROUTED = CompletableFuture.completedFuture(PublishResult.ROUTED);
    private static final CompletableFuture<PublishResult> UNROUTED =
            CompletableFuture.completedFuture(PublishResult.UNROUTED);
    private static final CompletableFuture<PublishResult> REJECTED =
            CompletableFuture.completedFuture(PublishResult.REJECTED);
    private static final Comparator<MessageQueue> LOCK_ORDER = Comparator.comparingLong(MessageQueue::id);
    /** Name of the default exchange, which routes to the queue named by the routing key. */
    public static final String DEFAULT_EXCHANGE = "";

    private final Broker broker;
    private final String name;
    private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
    private final Map<String, MessageQueue> queues = new ConcurrentHashMap<>();
    private final Object management = new Object();
    /**
     * Held around every change to {@link #queues} and {@link #exchanges} and around the copies listings take, so a
     * listing is the state of one moment. Held for the map operation only, never while calling out (listeners run
     * under {@link #management} and may list), so it cannot take part in a deadlock.
     */
    private final Object registry = new Object();
    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private final List<Runnable> recoveryDeadLetters = new ArrayList<>();
    private final XaBranches xaBranches = new XaBranches(this);

    VirtualHost(Broker broker, String name) {
        this.broker = broker;
        this.name = name;
        for (ExchangeType t : ExchangeType.values()) {
            putExchange(Exchange.create(name, "amq." + t.amqpName(), t, true, false, false, Map.of()));
        }
        putExchange(Exchange.create(name, "amq.match", ExchangeType.HEADERS, true, false, false, Map.of()));
        putExchange(Exchange.create(name, DEFAULT_EXCHANGE, ExchangeType.DIRECT, true, false, false, Map.of()));
    }

    private void putExchange(Exchange e) {
        synchronized (registry) {
            exchanges.put(e.name(), e);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String virtualHostName() {
        return name;
    }

    @Override
    public Store store() {
        return broker.store();
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return broker.scheduler();
    }

    @Override
    public io.warren.broker.flow.MemoryGuard memory() {
        return broker.memory();
    }

    @Override
    public io.warren.broker.paging.PagingPolicy paging() {
        return broker.paging();
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    /** Opens a client connection to this virtual host. */
    public ClientConnection connect(String clientName) {
        broker.checkRunning();
        ClientConnection c = new ClientConnection(this, clientName);
        connections.put(c.id(), c);
        broker.events().fire(l -> l.connectionOpened(name, c.id()));
        return c;
    }

    void connectionClosed(ClientConnection c) {
        if (connections.remove(c.id(), c)) {
            broker.events().fire(l -> l.connectionClosed(name, c.id()));
        }
    }

    /** Closes every client connection because the broker is stopping; each learns why. */
    void closeConnections(String reason) {
        for (ClientConnection c : List.copyOf(connections.values())) {
            c.closeByBroker(reason);
        }
    }

    // ---- exchanges -------------------------------------------------------------------------------------

    /** Declares an exchange, or checks that an existing one has the same properties. */
    public void exchangeDeclare(String exchange, ExchangeType type, boolean durable, boolean autoDelete,
                                boolean internal, Map<String, Object> arguments) {
        Names.check("exchange", exchange);
        if (type == null) {
            throw BrokerException.invalidArgument("exchange '" + exchange + "' needs a type");
        }
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        validateArguments("exchange '" + exchange + "'", args);
        CompletableFuture<Void> written = null;
        synchronized (management) {
            Exchange existing = exchanges.get(exchange);
            if (existing != null) {
                if (existing.type() != type || existing.isDurable() != durable || existing.isAutoDelete() != autoDelete
                        || existing.isInternal() != internal || !Values.deepEquals(existing.arguments(), args)) {
                    throw BrokerException.preconditionFailed("inequivalent declaration of " + existing
                            + ": it exists as " + describe(existing) + ", declared as " + type.amqpName()
                            + (durable ? " durable" : " transient") + (autoDelete ? " auto-delete" : "")
                            + (internal ? " internal" : "") + (args.isEmpty() ? "" : " " + args));
                }
                return;
            }
            if (exchange.isEmpty() || Names.isReserved(exchange)) {
                throw new BrokerException(ErrorCode.ACCESS_REFUSED, "exchange name '" + exchange
                        + "' is reserved: names starting with 'amq.' and the empty name belong to the broker");
            }
            Exchange e = Exchange.create(name, exchange, type, durable, autoDelete, internal, args);
            e.setAlternate(alternateOf(e));
            if (durable) {
                written = store().write(StoreBatch.of(new StoreOperation.ExchangeCreated(e.toRecord())));
            }
            putExchange(e);
            broker.events().fire(l -> l.exchangeAdded(name, exchange));
            LOG.debug("declared {}", e);
        }
        await(written);
    }

    private static String describe(Exchange e) {
        return e.type().amqpName() + (e.isDurable() ? " durable" : " transient")
                + (e.isAutoDelete() ? " auto-delete" : "") + (e.isInternal() ? " internal" : "")
                + (e.arguments().isEmpty() ? "" : " " + e.arguments());
    }

    private static void validateArguments(String what, Map<String, Object> args) {
        args.forEach((k, v) -> {
            if (!Values.isSupported(v)) {
                throw BrokerException.invalidArgument("argument '" + k + "' of " + what + " has unsupported type "
                        + v.getClass().getName());
            }
        });
        Object ae = args.get(Exchange.ALTERNATE_EXCHANGE_ARGUMENT);
        if (ae != null && !(ae instanceof String)) {
            throw BrokerException.invalidArgument("argument '" + Exchange.ALTERNATE_EXCHANGE_ARGUMENT + "' of "
                    + what + " must be a string");
        }
    }

    private Exchange alternateOf(Exchange e) {
        String ae = e.alternateExchangeName();
        return ae == null ? null : exchanges.get(ae);
    }

    /** Fails with {@code NOT_FOUND} unless the exchange exists. */
    public void exchangeDeclarePassive(String exchange) {
        exchange(exchange);
    }

    /** Whether an exchange of that name exists. */
    public boolean hasExchange(String exchange) {
        return exchange != null && exchanges.containsKey(exchange);
    }

    /** The exchange's type; fails with {@code NOT_FOUND} when there is none. */
    public ExchangeType exchangeType(String exchange) {
        return exchange(exchange).type();
    }

    private Exchange exchange(String exchange) {
        Exchange e = exchange == null ? null : exchanges.get(exchange);
        if (e == null) {
            throw BrokerException.notFound("exchange '" + exchange + "' in virtual host '" + name + "'");
        }
        return e;
    }

    /** Deletes an exchange and its bindings. */
    public void exchangeDelete(String exchange, boolean ifUnused) {
        CompletableFuture<Void> written;
        synchronized (management) {
            Exchange e = exchange(exchange);
            if (exchange.isEmpty() || Names.isReserved(exchange)) {
                throw new BrokerException(ErrorCode.ACCESS_REFUSED, "exchange '" + exchange
                        + "' belongs to the broker and cannot be deleted");
            }
            if (ifUnused && e.hasBindings()) {
                throw BrokerException.preconditionFailed(e + " in use: it has bindings");
            }
            written = removeExchange(e);
        }
        await(written);
    }

    private CompletableFuture<Void> removeExchange(Exchange e) {
        Exchange removed;
        synchronized (registry) {
            removed = exchanges.remove(e.name());
        }
        if (removed != null) {
            broker.events().fire(l -> l.exchangeRemoved(name, e.name()));
        }
        StoreBatch batch = new StoreBatch();
        for (Exchange other : exchanges.values()) {
            for (Binding b : other.unbindAll(e)) {
                recordUnbind(b, batch);
            }
            if (other.alternate() == e) {
                other.setAlternate(null);
            }
        }
        if (e.isDurable()) {
            batch.add(new StoreOperation.ExchangeDeleted(name, e.name()));
        }
        return batch.isEmpty() ? null : store().write(batch);
    }

    // ---- queues ----------------------------------------------------------------------------------------

    /**
     * Declares a queue, or checks that an existing one has the same properties. An empty name asks for a
     * generated one ({@code amq.gen-...}).
     *
     * @param connectionId the declaring connection; owner of the queue when {@code exclusive}
     */
    public QueueInfo queueDeclare(String connectionId, String queue, boolean durable, boolean exclusive,
                                  boolean autoDelete, Map<String, Object> arguments) {
        String qname = queue == null || queue.isEmpty() ? "amq.gen-" + UUID.randomUUID() : queue;
        Names.check("queue", qname);
        QueueArguments args = QueueArguments.parse(qname, arguments);
        validateArguments("queue '" + qname + "'", args.raw());
        CompletableFuture<Void> written = null;
        MessageQueue q;
        synchronized (management) {
            MessageQueue existing = queues.get(qname);
            if (existing != null) {
                existing.checkUsable(connectionId);
                String diff = existing.arguments().firstDifference(args);
                if (existing.isDurable() != durable || existing.isExclusive() != exclusive
                        || existing.isAutoDelete() != autoDelete || diff != null) {
                    throw BrokerException.preconditionFailed("inequivalent declaration of queue '" + qname + "': "
                            + (diff != null ? "argument '" + diff + "' is " + existing.arguments().raw().get(diff)
                                    + ", declared as " + args.raw().get(diff)
                                    : "it exists as " + (existing.isDurable() ? "durable" : "transient")
                                    + (existing.isExclusive() ? " exclusive" : "")
                                    + (existing.isAutoDelete() ? " auto-delete" : "")));
                }
                q = existing;
            } else {
                if (Names.isReserved(qname) && queue != null && !queue.isEmpty()) {
                    throw new BrokerException(ErrorCode.ACCESS_REFUSED, "queue name '" + qname
                            + "' is reserved: names starting with 'amq.' belong to the broker");
                }
                if (exclusive) {
                    // checked under the lock deleteExclusiveQueues takes: a connection closing meanwhile either
                    // deletes this queue or is seen closed here, never leaves it behind
                    ClientConnection owner = connectionId == null ? null : connections.get(connectionId);
                    if (owner == null || !owner.isOpen()) {
                        throw BrokerException.illegalState("cannot declare exclusive queue '" + qname + "': "
                                + (connectionId == null ? "no connection to own it" : "connection " + connectionId
                                + " is closed"));
                    }
                }
                q = new MessageQueue(this, qname, durable, autoDelete, exclusive ? connectionId : null, args);
                if (durable) {
                    written = store().write(StoreBatch.of(new StoreOperation.QueueCreated(q.toRecord())));
                }
                synchronized (registry) {
                    queues.put(qname, q);
                }
                broker.events().fire(l -> l.queueAdded(name, qname));
                LOG.debug("declared {}", q);
            }
        }
        await(written);
        q.touch();
        return info(q);
    }

    /** Fails with {@code NOT_FOUND} unless the queue exists; returns its counts. */
    public QueueInfo queueDeclarePassive(String connectionId, String queue) {
        return info(queue(queue, connectionId));
    }

    private static QueueInfo info(MessageQueue q) {
        return new QueueInfo(q.name(), q.messageCount(), q.consumerCount(), q.isDurable(), q.isExclusive(),
                q.isAutoDelete(), q.arguments().raw(), q.unacknowledgedCount());
    }

    /**
     * A queue's counts and properties for management: read-only, so it answers for any queue, another
     * connection's exclusive one included; null when there is none.
     */
    public QueueInfo queueInfo(String queue) {
        MessageQueue q = queue == null ? null : queues.get(queue);
        return q == null ? null : info(q);
    }

    /** Whether a queue of that name exists. */
    public boolean hasQueue(String queue) {
        return queue != null && queues.containsKey(queue);
    }

    /**
     * Names of all queues, for management and tests: a snapshot of one moment, so it never shows a queue deleted
     * before another was created as if both existed (iterating the concurrent map alone could).
     */
    public Set<String> queueNames() {
        synchronized (registry) {
            return new TreeSet<>(queues.keySet());
        }
    }

    MessageQueue queue(String queue, String connectionId) {
        MessageQueue q = queue == null ? null : queues.get(queue);
        if (q == null) {
            throw BrokerException.notFound("queue '" + queue + "' in virtual host '" + name + "'");
        }
        q.checkUsable(connectionId);
        return q;
    }

    /** Deletes a queue with its messages and bindings; returns how many messages it held. */
    public int queueDelete(String connectionId, String queue, boolean ifUnused, boolean ifEmpty) {
        MessageQueue q = queue(queue, connectionId);
        return deleteQueue(q, ifUnused, ifEmpty);
    }

    private int deleteQueue(MessageQueue q, boolean ifUnused, boolean ifEmpty) {
        CompletableFuture<Void> written;
        List<QueueConsumer> cancelled;
        int count;
        synchronized (management) {
            if (queues.get(q.name()) != q) {
                throw BrokerException.notFound(q.toString());
            }
            count = q.messageCount();
            cancelled = q.markDeleted(ifUnused, ifEmpty);
            synchronized (registry) {
                queues.remove(q.name());
            }
            broker.events().fire(l -> l.queueRemoved(name, q.name()));
            StoreBatch batch = new StoreBatch();
            List<Exchange> emptied = new ArrayList<>();
            for (Exchange e : exchanges.values()) {
                for (Binding b : e.unbindAll(q)) {
                    recordUnbind(b, batch);
                    if (e.isAutoDelete() && !e.hasBindings()) {
                        emptied.add(e);
                    }
                }
            }
            if (q.isDurable()) {
                batch.add(new StoreOperation.QueueDeleted(name, q.name()));
            }
            written = batch.isEmpty() ? null : store().write(batch);
            for (Exchange e : emptied) {
                CompletableFuture<Void> w = removeExchange(e);
                written = w == null ? written : w;
            }
            LOG.debug("deleted {} with {} message(s)", q, count);
        }
        for (QueueConsumer c : cancelled) {
            broker.notifyCancelled(c);
        }
        await(written);
        return count;
    }

    /** Removes a queue's ready messages; returns how many. */
    public int queuePurge(String connectionId, String queue) {
        return queue(queue, connectionId).purge();
    }

    /** Deletes the exclusive queues a closing connection owns. */
    void deleteExclusiveQueues(String connectionId) {
        List<MessageQueue> all;
        synchronized (management) {
            all = List.copyOf(queues.values());
        }
        for (MessageQueue q : all) {
            if (connectionId.equals(q.owner())) {
                try {
                    deleteQueue(q, false, false);
                } catch (BrokerException e) {
                    LOG.debug("exclusive {} already gone: {}", q, e.getMessage());
                }
            }
        }
    }

    @Override
    public void queueUnused(MessageQueue q) {
        try {
            if (queues.get(q.name()) == q && q.consumerCount() == 0) {
                deleteQueue(q, true, false);
            }
        } catch (BrokerException e) {
            LOG.debug("unused {} not deleted: {}", q, e.getMessage());
        }
    }

    // ---- bindings --------------------------------------------------------------------------------------

    /** Binds a queue to an exchange; binding twice is harmless. */
    public void queueBind(String connectionId, String queue, String exchange, String routingKey,
                          Map<String, Object> arguments) {
        Names.checkKey("binding key", routingKey);
        CompletableFuture<Void> written = null;
        synchronized (management) {
            MessageQueue q = queue(queue, connectionId);
            Exchange e = bindableExchange(exchange);
            int before = e.bindingCount();
            Binding b = e.bind(q, routingKey, arguments);
            if (e.bindingCount() > before && b.isDurable()) {
                written = store().write(StoreBatch.of(new StoreOperation.BindingCreated(b.toRecord())));
            }
        }
        await(written);
    }

    /** Removes a queue's binding; fails with {@code NOT_FOUND} when there is no such binding. */
    public void queueUnbind(String connectionId, String queue, String exchange, String routingKey,
                            Map<String, Object> arguments) {
        CompletableFuture<Void> written;
        synchronized (management) {
            MessageQueue q = queue(queue, connectionId);
            Exchange e = bindableExchange(exchange);
            written = unbind(e, q, routingKey, arguments);
        }
        await(written);
    }

    /** Binds exchange {@code destination} to exchange {@code source}. */
    public void exchangeBind(String destination, String source, String routingKey, Map<String, Object> arguments) {
        Names.checkKey("binding key", routingKey);
        CompletableFuture<Void> written = null;
        synchronized (management) {
            Exchange dest = bindableExchange(destination);
            Exchange src = bindableExchange(source);
            int before = src.bindingCount();
            Binding b = src.bind(dest, routingKey, arguments);
            if (src.bindingCount() > before && b.isDurable()) {
                written = store().write(StoreBatch.of(new StoreOperation.BindingCreated(b.toRecord())));
            }
        }
        await(written);
    }

    public void exchangeUnbind(String destination, String source, String routingKey, Map<String, Object> arguments) {
        CompletableFuture<Void> written;
        synchronized (management) {
            written = unbind(bindableExchange(source), bindableExchange(destination), routingKey, arguments);
        }
        await(written);
    }

    private CompletableFuture<Void> unbind(Exchange source, Object destination, String routingKey,
                                           Map<String, Object> arguments) {
        Binding b = source.unbind(destination, routingKey, arguments);
        if (b == null) {
            throw BrokerException.notFound("binding from " + source + " to " + destination + " with key '"
                    + routingKey + "'" + (arguments == null || arguments.isEmpty() ? "" : " and " + arguments));
        }
        StoreBatch batch = new StoreBatch();
        recordUnbind(b, batch);
        CompletableFuture<Void> written = batch.isEmpty() ? null : store().write(batch);
        if (source.isAutoDelete() && !source.hasBindings()) {
            // Written after the unbind; the store completes writes in order, so awaiting this one suffices.
            CompletableFuture<Void> w = removeExchange(source);
            written = w != null ? w : written;
        }
        return written;
    }

    private static void recordUnbind(Binding b, StoreBatch batch) {
        if (b.isDurable()) {
            batch.add(new StoreOperation.BindingDeleted(b.toRecord()));
        }
    }

    private Exchange bindableExchange(String exchange) {
        Exchange e = exchange(exchange);
        if (exchange.isEmpty()) {
            throw new BrokerException(ErrorCode.ACCESS_REFUSED,
                    "the default exchange cannot be bound to or from: it routes by queue name");
        }
        return e;
    }

    /**
     * Empties this virtual host for its deletion: closes its connections (which learn {@code reason}), deletes
     * every queue and every exchange the clients declared, durable ones from the store too. Called by
     * {@link Broker#deleteVirtualHost}.
     */
    void deleteEverything(String reason) {
        closeConnections(reason);
        for (MessageQueue q : List.copyOf(queues.values())) {
            try {
                deleteQueue(q, false, false);
            } catch (BrokerException alreadyGone) {
                // deleted meanwhile (auto-delete, x-expires)
            }
        }
        for (String e : List.copyOf(exchanges.keySet())) {
            if (!e.isEmpty() && !Names.isReserved(e)) {
                try {
                    exchangeDelete(e, false);
                } catch (BrokerException alreadyGone) {
                    // an auto-delete exchange that went with its last binding
                }
            }
        }
    }

    /** Every exchange of this virtual host, the default one included, by name. */
    public List<ExchangeInfo> exchanges() {
        List<Exchange> all;
        synchronized (registry) {
            all = List.copyOf(exchanges.values());
        }
        List<ExchangeInfo> out = new ArrayList<>(all.size());
        for (Exchange e : all) {
            out.add(new ExchangeInfo(e.name(), e.type().amqpName(), e.isDurable(), e.isAutoDelete(), e.isInternal(),
                    e.arguments()));
        }
        out.sort(Comparator.comparing(ExchangeInfo::name));
        return out;
    }

    /** Every explicit binding of this virtual host, ordered by source, destination and key. */
    public List<BindingInfo> allBindings() {
        List<BindingInfo> out = new ArrayList<>();
        synchronized (management) {
            for (Exchange e : exchanges.values()) {
                for (Binding b : e.bindings()) {
                    out.add(new BindingInfo(e.name(), b.destinationName(), b.queue() != null, b.routingKey(),
                            b.arguments() == null ? Map.of() : b.arguments()));
                }
            }
        }
        out.sort(Comparator.comparing(BindingInfo::source).thenComparing(BindingInfo::destination)
                .thenComparing(BindingInfo::routingKey));
        return out;
    }

    /**
     * Every queue with its statistics, by name: the queues that existed at one moment (as {@link #queueNames()}),
     * each with figures read just after.
     */
    public List<QueueSummary> queues() {
        List<MessageQueue> all;
        synchronized (registry) {
            all = List.copyOf(queues.values());
        }
        List<QueueSummary> out = new ArrayList<>(all.size());
        for (MessageQueue q : all) {
            out.add(summary(q));
        }
        out.sort(Comparator.comparing(QueueSummary::name));
        return out;
    }

    /** One queue with its statistics, or empty when there is no such queue. */
    public Optional<QueueSummary> queue(String name) {
        MessageQueue q = queues.get(name);
        return q == null || q.isDeleted() ? Optional.empty() : Optional.of(summary(q));
    }

    private static QueueSummary summary(MessageQueue q) {
        return new QueueSummary(q.name(), q.isDurable(), q.isAutoDelete(), q.isExclusive(), q.owner(),
                q.arguments().raw(), q.statistics());
    }

    /** The open client connections to this virtual host. */
    public List<ClientConnection> connections() {
        return List.copyOf(connections.values());
    }

    /** The bindings of an exchange, for management and tests. */
    public List<Binding> bindings(String exchange) {
        synchronized (management) {
            return exchange(exchange).bindings();
        }
    }

    // ---- publishing ------------------------------------------------------------------------------------

    /**
     * Routes and enqueues a message. The future completes when the message is in every queue it reached and,
     * when persistent and in a durable queue, in the store.
     */
    public CompletableFuture<PublishResult> publish(String exchange, String routingKey, Message message) {
        return publish(exchange, routingKey, message, true);
    }

    /**
     * Routes and enqueues a message; with {@code waitForMemory} false it skips producer flow control, for a
     * caller that checked {@link io.warren.broker.flow.MemoryGuard#hasCapacity()} itself and must not block.
     */
    public CompletableFuture<PublishResult> publish(String exchange, String routingKey, Message message,
                                                    boolean waitForMemory) {
        if (waitForMemory) {
            broker.memory().awaitCapacity();
        }
        return routeAndDeliver(exchange, routingKey, message, false);
    }

    /**
     * As {@link #publish(String, String, Message)}, for a caller that waits for the returned future straight away
     * ({@code get} or {@code join}): a persistent message is then written to the store by the waiting thread when
     * the store allows it ({@link io.warren.broker.store.Store#writeAwaited}).
     */
    public CompletableFuture<PublishResult> publishAwaited(String exchange, String routingKey, Message message) {
        broker.memory().awaitCapacity();
        return routeAndDeliver(exchange, routingKey, message, true);
    }

    private CompletableFuture<PublishResult> routeAndDeliver(String exchange, String routingKey, Message message,
                                                             boolean awaited) {
        Exchange target = exchangeForPublish(exchange, routingKey);
        Message m = withRouting(exchange, routingKey, message);
        List<MessageQueue> targets = route(target, m);
        if (targets.isEmpty()) {
            return UNROUTED;
        }
        return deliver(m, targets, null, awaited);
    }

    static Message withRouting(String exchange, String routingKey, Message message) {
        String ex = exchange == null ? "" : exchange;
        String key = routingKey == null ? "" : routingKey;
        if (ex.equals(message.exchange()) && key.equals(message.routingKey())) {
            return message;
        }
        return message.toBuilder().exchange(ex).routingKey(key).build();
    }

    /** The exchange a publish goes to; fails for an internal exchange or a routing key that is too long. */
    Exchange exchangeForPublish(String exchange, String routingKey) {
        Names.checkKey("routing key", routingKey);
        Exchange e = exchange(exchange == null ? "" : exchange);
        if (e.isInternal()) {
            throw new BrokerException(ErrorCode.ACCESS_REFUSED, "cannot publish to internal " + e);
        }
        return e;
    }

    /** The queues a message published to {@code exchange} reaches. */
    List<MessageQueue> route(Exchange exchange, Message message) {
        if (exchange.name().isEmpty()) {
            MessageQueue q = queues.get(message.routingKey());
            return q == null || q.isDeleted() ? List.of() : List.of(q);
        }
        RouteCollector collector = new RouteCollector();
        exchange.route(message, collector);
        return collector.queues();
    }

    private static boolean anyDurable(List<MessageQueue> queues) {
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i).isDurable()) {
                return true;
            }
        }
        return false;
    }

    private static boolean noneMayPage(List<MessageQueue> queues, Message m) {
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i).mayPage(m)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts a routed message into its queues, all of them or none: a page write that fails for one queue
     * ({@code STORE_ERROR}) leaves every queue without the message. One queue takes it by itself; several are
     * locked together, the message's arrival at each is prepared (page content written) before it is enqueued
     * at any, and a persistent message goes to the store in one write for its durable queues, before any
     * acknowledgement of it can be; {@code awaited} when the caller waits for the result at once.
     */
    private CompletableFuture<PublishResult> deliver(Message m, List<MessageQueue> targets,
                                                     StoreOperation extra, boolean awaited) {
        boolean persist = m.persistent() && broker.storesMessages();
        if (targets.size() == 1 && extra == null && !(persist && targets.get(0).isDurable())) {
            // All or nothing by itself: the queue writes page content before it changes.
            return targets.get(0).offer(m, 0) ? ROUTED : REJECTED;
        }
        if (extra == null && !(persist && anyDurable(targets)) && noneMayPage(targets, m)) {
            // The common fan-out: no queue can start paging during this publish, so no page write can fail
            // midway, and the queues take the message one by one, each under its own lock.
            boolean rejected = false;
            for (int i = 0; i < targets.size(); i++) {
                if (!targets.get(i).offer(m, 0)) {
                    rejected = true;
                }
            }
            return rejected ? REJECTED : ROUTED;
        }
        List<MessageQueue> locked = new ArrayList<>(targets);
        locked.sort(LOCK_ORDER);
        boolean rejected = false;
        CompletableFuture<Void> written = null;
        for (MessageQueue q : locked) {
            q.lock();
        }
        try {
            long now = now();
            StoreBatch batch = new StoreBatch();
            if (extra != null) {
                batch.add(extra);
            }
            Arrivals arrivals = new Arrivals(now);
            try {
                long storeId = 0;
                for (MessageQueue q : targets) {
                    if (q.isDeleted() || !arrivals.admits(q, m)) {
                        rejected = true;
                        continue;
                    }
                    long id = 0;
                    if (persist && q.isDurable()) {
                        if (storeId == 0) {
                            storeId = broker.nextStoreId();
                            batch.add(new StoreOperation.MessageStored(storeId, m));
                        }
                        id = storeId;
                        batch.add(new StoreOperation.MessageEnqueued(name, q.name(), storeId, now));
                    }
                    arrivals.add(q, m, id);
                }
            } catch (RuntimeException e) {
                arrivals.discard();
                throw e;
            }
            if (!batch.isEmpty()) {
                written = awaited ? store().writeAwaited(batch) : store().write(batch);
            }
            arrivals.applyLocked();
        } finally {
            for (int i = locked.size() - 1; i >= 0; i--) {
                locked.get(i).unlock();
            }
        }
        PublishResult result = rejected ? PublishResult.REJECTED : PublishResult.ROUTED;
        if (written == null || written.isDone() && !written.isCompletedExceptionally()) {
            return rejected ? REJECTED : ROUTED;
        }
        return written.thenApply(v -> result);
    }

    /**
     * Commits a transaction: acknowledgements and publishes applied under the locks of every queue involved
     * and written to the store as one batch.
     */
    CompletableFuture<PublishResult> commit(Map<MessageQueue, List<io.warren.broker.queue.QueueEntry>> acks,
                                            List<Message> publishes) {
        return commit(acks, publishes, null);
    }

    /**
     * As {@link #commit(Map, List)}, writing {@code extra} (when not null) in the same store batch. All or
     * nothing: the page content of every paged publish is written before any acknowledgement or publish is
     * applied or anything goes to the store, so a page write that fails ({@code STORE_ERROR}, thrown) leaves the
     * queues, the acknowledged deliveries and the store as they were.
     */
    CompletableFuture<PublishResult> commit(Map<MessageQueue, List<io.warren.broker.queue.QueueEntry>> acks,
                                            List<Message> publishes, StoreOperation extra) {
        List<List<MessageQueue>> routes = new ArrayList<>(publishes.size());
        TreeSet<MessageQueue> involved = new TreeSet<>(LOCK_ORDER);
        involved.addAll(acks.keySet());
        for (Message m : publishes) {
            List<MessageQueue> targets = route(exchange(m.exchange()), m);
            routes.add(targets);
            involved.addAll(targets);
        }
        boolean rejected = false;
        CompletableFuture<Void> written = null;
        List<MessageQueue> locked = new ArrayList<>(involved);
        for (MessageQueue q : locked) {
            q.lock();
        }
        try {
            long now = now();
            Arrivals arrivals = new Arrivals(now);
            StoreBatch stored = new StoreBatch();
            try {
                for (int i = 0; i < publishes.size(); i++) {
                    Message m = publishes.get(i);
                    long storeId = 0;
                    for (MessageQueue q : routes.get(i)) {
                        if (q.isDeleted() || !arrivals.admits(q, m)) {
                            rejected = true;
                            continue;
                        }
                        long id = 0;
                        if (m.persistent() && q.isDurable() && broker.storesMessages()) {
                            if (storeId == 0) {
                                storeId = broker.nextStoreId();
                                stored.add(new StoreOperation.MessageStored(storeId, m));
                            }
                            id = storeId;
                            stored.add(new StoreOperation.MessageEnqueued(name, q.name(), storeId, now));
                        }
                        arrivals.add(q, m, id);
                    }
                }
            } catch (RuntimeException e) {
                arrivals.discard();
                throw e;
            }
            StoreBatch batch = new StoreBatch();
            if (extra != null) {
                batch.add(extra);
            }
            acks.forEach((q, entries) -> q.acknowledgeLocked(entries, batch));
            batch.addAll(stored);
            if (!batch.isEmpty()) {
                written = store().write(batch);
            }
            arrivals.applyLocked();
            for (MessageQueue q : acks.keySet()) {
                q.dispatchAfterCommitLocked();
            }
        } finally {
            for (int i = locked.size() - 1; i >= 0; i--) {
                locked.get(i).unlock();
            }
        }
        PublishResult result = rejected ? PublishResult.REJECTED : PublishResult.ROUTED;
        return written == null ? CompletableFuture.completedFuture(result) : written.thenApply(v -> result);
    }

    @Override
    public void deadLetter(MessageQueue from, List<DeadLetter> letters) {
        if (broker.isRecovering()) {
            // Store ids are not safe to hand out until every recovered message has its own.
            synchronized (recoveryDeadLetters) {
                recoveryDeadLetters.add(() -> deadLetter(from, letters));
            }
            return;
        }
        String dlxName = from.arguments().deadLetterExchange();
        Exchange dlx = dlxName == null ? null : exchanges.get(dlxName);
        for (DeadLetter letter : letters) {
            StoreOperation dequeue = letter.storeId() == 0 ? null
                    : new StoreOperation.MessageDequeued(name, from.name(), letter.storeId());
            List<MessageQueue> targets = List.of();
            Message dead = null;
            if (dlx != null) {
                dead = deadLettered(from, letter);
                targets = route(dlx, dead);
            }
            if (targets.isEmpty()) {
                if (dequeue != null) {
                    store().write(StoreBatch.of(dequeue));
                }
                LOG.debug("dropped dead letter from {} ({}): {}", from, letter.reason().value(),
                        dlx == null ? "no dead-letter exchange '" + dlxName + "'" : "unroutable");
                continue;
            }
            deliver(dead, targets, dequeue, false);
        }
    }

    private Message deadLettered(MessageQueue from, DeadLetter letter) {
        Message m = letter.message();
        String reason = letter.reason().value();
        String key = from.arguments().deadLetterRoutingKey() != null
                ? from.arguments().deadLetterRoutingKey() : m.routingKey();
        Message.Builder b = m.toBuilder().exchange(from.arguments().deadLetterExchange()).routingKey(key)
                .expiration(0);
        if (m.header("x-first-death-reason") == null) {
            b.header("x-first-death-reason", reason)
                    .header("x-first-death-queue", from.name())
                    .header("x-first-death-exchange", m.exchange());
        }
        b.header("x-last-death-reason", reason)
                .header("x-last-death-queue", from.name())
                .header("x-last-death-exchange", m.exchange());
        b.header("x-death", deathHistory(m, from.name(), reason, now()));
        return b.build();
    }

    /** RabbitMQ's {@code x-death}: one entry per (queue, reason), most recent first, with a count. */
    @SuppressWarnings("unchecked")
    private static List<Object> deathHistory(Message m, String queue, String reason, long now) {
        List<Object> history = new ArrayList<>();
        long count = 1;
        if (m.header("x-death") instanceof List<?> old) {
            for (Object o : old) {
                if (o instanceof Map<?, ?> entry && queue.equals(entry.get("queue")) && reason.equals(entry.get("reason"))) {
                    count += entry.get("count") instanceof Number n ? n.longValue() : 0;
                } else {
                    history.add(o);
                }
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("queue", queue);
        entry.put("reason", reason);
        entry.put("count", count);
        entry.put("exchange", m.exchange());
        entry.put("routing-keys", List.of(m.routingKey()));
        entry.put("time", now);
        history.add(0, entry);
        return history;
    }

    // ---- recovery --------------------------------------------------------------------------------------

    void recoverExchange(ExchangeRecord r) {
        if (exchanges.containsKey(r.name())) {
            return;
        }
        putExchange(Exchange.create(name, r.name(), r.type(), true, r.autoDelete(), r.internal(), r.arguments()));
    }

    void recoverQueue(QueueRecord r) {
        MessageQueue q = new MessageQueue(this, r.name(), true, r.autoDelete(), null,
                QueueArguments.parse(r.name(), r.arguments()));
        synchronized (registry) {
            queues.put(r.name(), q);
        }
    }

    void recoverBinding(BindingRecord r) {
        Exchange source = exchanges.get(r.source());
        Object dest = r.destinationIsQueue() ? queues.get(r.destination()) : exchanges.get(r.destination());
        if (source == null || dest == null) {
            LOG.warn("dropping recovered binding {} -> {}: an end is missing", r.source(), r.destination());
            return;
        }
        source.bind(dest, r.routingKey(), r.arguments());
    }

    void recoverMessage(String queue, long storeId, Message message, int deliveryCount, long enqueuedAt) {
        MessageQueue q = queues.get(queue);
        if (q == null) {
            return;
        }
        q.lock();
        try {
            q.restoreLocked(message, storeId, deliveryCount, enqueuedAt);
        } finally {
            q.unlock();
        }
    }

    /** Restores a message recovered by its summary: paged when its queue is deep, else read back. */
    void recoverMessage(String queue, io.warren.broker.store.MessageSummary summary, int deliveryCount,
                        long enqueuedAt) {
        MessageQueue q = queues.get(queue);
        if (q == null) {
            return;
        }
        q.lock();
        try {
            if (!q.restorePagedLocked(summary, deliveryCount, enqueuedAt)) {
                q.restoreLocked(store().read(summary.messageId()), summary.messageId(), deliveryCount, enqueuedAt);
            }
        } finally {
            q.unlock();
        }
    }

    /** Links alternate exchanges once every exchange is recovered, then dead-letters what expired meanwhile. */
    void recoverPreparedTransaction(StoreOperation.TransactionPrepared transaction) {
        xaBranches.recovered(transaction, queues);
    }

    /** The XA transaction branches of this virtual host. */
    XaBranches xaBranches() {
        return xaBranches;
    }

    void recoveryDone() {
        for (Exchange e : exchanges.values()) {
            e.setAlternate(alternateOf(e));
        }
        List<Runnable> pending;
        synchronized (recoveryDeadLetters) {
            pending = List.copyOf(recoveryDeadLetters);
            recoveryDeadLetters.clear();
        }
        pending.forEach(Runnable::run);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static void await(CompletableFuture<Void> written) {
        if (written != null) {
            Broker.await(written);
        }
    }

    @Override
    public String toString() {
        return "virtual host '" + name + "'";
    }
}
