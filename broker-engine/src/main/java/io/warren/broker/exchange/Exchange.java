package io.warren.broker.exchange;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.Selectors;
import io.warren.broker.exchange.headers.HeadersMatcher;
import io.warren.message.Message;
import io.warren.broker.queue.MessageQueue;
import io.warren.selector.Selector;
import io.warren.broker.store.ExchangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exchange: receives published messages and routes them through its bindings. Subclasses index bindings
 * for their routing algorithm. Bindings change under the virtual host's management lock; routing reads the
 * indexes without locking; the binding list itself is only read by management.
 */
public abstract class Exchange {
    /** Exchange argument naming where messages go that no binding routes. */
    public static final String ALTERNATE_EXCHANGE_ARGUMENT = "alternate-exchange";

    private final String virtualHost;
    private final String name;
    private final boolean durable;
    private final boolean autoDelete;
    private final boolean internal;
    private final Map<String, Object> arguments;
    /** Bindings by destination and key, so declaring one is a lookup, not a scan of all of them. */
    private final Map<BindingId, List<Binding>> bindings = new ConcurrentHashMap<>();
    private volatile int bindingCount;
    private volatile Exchange alternate;

    protected Exchange(String virtualHost, String name, boolean durable, boolean autoDelete, boolean internal,
                       Map<String, Object> arguments) {
        this.virtualHost = virtualHost;
        this.name = name;
        this.durable = durable;
        this.autoDelete = autoDelete;
        this.internal = internal;
        this.arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }

    /** Creates an exchange of the given type. */
    public static Exchange create(String virtualHost, String name, ExchangeType type, boolean durable,
                                  boolean autoDelete, boolean internal, Map<String, Object> arguments) {
        return switch (type) {
            case DIRECT -> new DirectExchange(virtualHost, name, durable, autoDelete, internal, arguments);
            case FANOUT -> new FanoutExchange(virtualHost, name, durable, autoDelete, internal, arguments);
            case TOPIC -> new TopicExchange(virtualHost, name, durable, autoDelete, internal, arguments);
            case HEADERS -> new HeadersExchange(virtualHost, name, durable, autoDelete, internal, arguments);
        };
    }

    public abstract ExchangeType type();

    public String virtualHost() {
        return virtualHost;
    }

    public String name() {
        return name;
    }

    public boolean isDurable() {
        return durable;
    }

    public boolean isAutoDelete() {
        return autoDelete;
    }

    /** An internal exchange cannot be published to directly, only through exchange-to-exchange bindings. */
    public boolean isInternal() {
        return internal;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    /** The name of the alternate exchange from the arguments, or null. */
    public String alternateExchangeName() {
        Object ae = arguments.get(ALTERNATE_EXCHANGE_ARGUMENT);
        return ae == null ? null : ae.toString();
    }

    public void setAlternate(Exchange alternate) {
        this.alternate = alternate;
    }

    public Exchange alternate() {
        return alternate;
    }

    /** Identity of the destination plus the routing key; queues and exchanges compare by identity. */
    private record BindingId(Object destination, String routingKey) {
    }

    public List<Binding> bindings() {
        List<Binding> all = new ArrayList<>(bindingCount);
        bindings.values().forEach(all::addAll);
        return all;
    }

    public boolean hasBindings() {
        return bindingCount > 0;
    }

    public int bindingCount() {
        return bindingCount;
    }

    public ExchangeRecord toRecord() {
        return new ExchangeRecord(virtualHost, name, type(), autoDelete, internal, arguments);
    }

    /**
     * Adds a binding to a queue or exchange; returns the existing binding when an equal one is present.
     * Callers hold the virtual host's management lock.
     */
    public Binding bind(Object destination, String routingKey, Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : Map.copyOf(arguments);
        String key = routingKey == null ? "" : routingKey;
        BindingId id = new BindingId(destination, key);
        List<Binding> same = bindings.get(id);
        if (same != null) {
            for (Binding b : same) {
                if (b.sameAs(destination, key, args)) {
                    return b;
                }
            }
        }
        Selector selector = parseSelector(args);
        HeadersMatcher matcher = type() == ExchangeType.HEADERS ? HeadersMatcher.fromBindingArguments(args) : null;
        Binding binding = destination instanceof MessageQueue q
                ? new Binding(this, q, null, key, args, selector, matcher)
                : new Binding(this, null, (Exchange) destination, key, args, selector, matcher);
        index(binding);
        bindings.computeIfAbsent(id, k -> new ArrayList<>(1)).add(binding);
        bindingCount++;
        return binding;
    }

    private Selector parseSelector(Map<String, Object> args) {
        Object s = args.get(Binding.SELECTOR_ARGUMENT);
        if (s == null) {
            return null;
        }
        if (!(s instanceof String text)) {
            throw new BrokerException(ErrorCode.INVALID_ARGUMENT, "binding argument '" + Binding.SELECTOR_ARGUMENT
                    + "' must be a string, was " + s.getClass().getSimpleName());
        }
        return Selectors.compile(text);
    }

    /** Removes an equal binding; returns it, or null when there was none. */
    public Binding unbind(Object destination, String routingKey, Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        String key = routingKey == null ? "" : routingKey;
        BindingId id = new BindingId(destination, key);
        List<Binding> same = bindings.get(id);
        if (same != null) {
            for (Binding b : same) {
                if (b.sameAs(destination, key, args)) {
                    remove(id, b);
                    return b;
                }
            }
        }
        return null;
    }

    private void remove(BindingId id, Binding b) {
        List<Binding> same = bindings.get(id);
        same.remove(b);
        if (same.isEmpty()) {
            bindings.remove(id);
        }
        bindingCount--;
        unindex(b);
    }

    /** Removes every binding to {@code destination}; returns them. */
    public List<Binding> unbindAll(Object destination) {
        List<Binding> removed = new ArrayList<>();
        for (Map.Entry<BindingId, List<Binding>> e : List.copyOf(bindings.entrySet())) {
            if (e.getKey().destination() == destination) {
                for (Binding b : List.copyOf(e.getValue())) {
                    remove(e.getKey(), b);
                    removed.add(b);
                }
            }
        }
        return removed;
    }

    /**
     * Routes {@code message} into {@code collector}: every queue reached through this exchange's bindings,
     * following bindings to other exchanges, and the alternate exchange of an exchange where nothing matched.
     * Exchanges reached through other exchanges are routed one after another from a work list, not by recursion,
     * so a chain of exchanges of any length cannot overflow the stack; each is routed at most once.
     */
    public final void route(Message message, RouteCollector collector) {
        collector.reach(this);
        Exchange next;
        while ((next = collector.nextExchange()) != null) {
            next.routeHere(message, collector);
        }
    }

    private void routeHere(Message message, RouteCollector collector) {
        boolean[] matched = {false};
        match(message, b -> {
            if (b.accepts(message)) {
                matched[0] = true;
                if (b.queue() != null) {
                    if (!b.queue().isDeleted()) {
                        collector.addQueue(b.queue());
                    }
                } else {
                    collector.reach(b.destinationExchange());
                }
            }
        });
        Exchange ae = alternate;
        if (ae != null && !matched[0]) {
            collector.reach(ae);
        }
    }

    /** Passes each binding whose key or arguments match the message to {@code sink}. */
    protected abstract void match(Message message, java.util.function.Consumer<Binding> sink);

    protected abstract void index(Binding binding);

    protected abstract void unindex(Binding binding);

    @Override
    public String toString() {
        return type().amqpName() + " exchange '" + name + "'";
    }
}
