package io.warren.broker.exchange;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.exchange.headers.HeadersMatcher;
import io.warren.broker.message.Message;
import io.warren.broker.queue.MessageQueue;
import io.warren.broker.selector.Selector;
import io.warren.broker.store.ExchangeRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An exchange: receives published messages and routes them through its bindings. Subclasses index bindings
 * for their routing algorithm. Bindings change under the virtual host's management lock; routing reads the
 * indexes without locking.
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
    private final CopyOnWriteArrayList<Binding> bindings = new CopyOnWriteArrayList<>();
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

    public List<Binding> bindings() {
        return List.copyOf(bindings);
    }

    public boolean hasBindings() {
        return !bindings.isEmpty();
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
        for (Binding b : bindings) {
            if (b.sameAs(destination, key, args)) {
                return b;
            }
        }
        Selector selector = parseSelector(args);
        HeadersMatcher matcher = type() == ExchangeType.HEADERS ? HeadersMatcher.fromBindingArguments(args) : null;
        Binding binding = destination instanceof MessageQueue q
                ? new Binding(this, q, null, key, args, selector, matcher)
                : new Binding(this, null, (Exchange) destination, key, args, selector, matcher);
        index(binding);
        bindings.add(binding);
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
        return text.isBlank() ? null : Selector.parse(text);
    }

    /** Removes an equal binding; returns it, or null when there was none. */
    public Binding unbind(Object destination, String routingKey, Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        String key = routingKey == null ? "" : routingKey;
        for (Binding b : bindings) {
            if (b.sameAs(destination, key, args)) {
                bindings.remove(b);
                unindex(b);
                return b;
            }
        }
        return null;
    }

    /** Removes every binding to {@code destination}; returns them. */
    public List<Binding> unbindAll(Object destination) {
        List<Binding> removed = bindings.stream()
                .filter(b -> b.queue() == destination || b.destinationExchange() == destination).toList();
        for (Binding b : removed) {
            bindings.remove(b);
            unindex(b);
        }
        return removed;
    }

    /**
     * Routes {@code message} into {@code collector}: every queue reached through this exchange's bindings,
     * following bindings to other exchanges, and the alternate exchange when nothing matched here.
     */
    public final void route(Message message, RouteCollector collector) {
        if (!collector.visit(this)) {
            return;
        }
        int before = collector.queueCount();
        boolean[] matched = {false};
        match(message, b -> {
            if (b.accepts(message)) {
                matched[0] = true;
                if (b.queue() != null) {
                    if (!b.queue().isDeleted()) {
                        collector.addQueue(b.queue());
                    }
                } else {
                    b.destinationExchange().route(message, collector);
                }
            }
        });
        Exchange ae = alternate;
        if (ae != null && !matched[0] && collector.queueCount() == before) {
            ae.route(message, collector);
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
