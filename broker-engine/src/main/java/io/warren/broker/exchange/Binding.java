package io.warren.broker.exchange;

import io.warren.broker.exchange.headers.HeadersMatcher;
import io.warren.message.Message;
import io.warren.message.Values;
import io.warren.broker.queue.MessageQueue;
import io.warren.selector.Selector;
import io.warren.broker.store.BindingRecord;
import java.util.Map;
import java.util.Objects;

/**
 * A route from a source exchange to a queue or to another exchange. Two bindings are the same when source,
 * destination, routing key and arguments are equal. A binding may carry a JMS selector (argument
 * {@value #SELECTOR_ARGUMENT}), evaluated after the exchange's own matching so that a subscription queue
 * only receives messages its subscriber selects.
 */
public final class Binding {
    /** Binding argument holding a JMS message selector applied to messages crossing the binding. */
    public static final String SELECTOR_ARGUMENT = "x-selector";

    private final Exchange source;
    private final MessageQueue queue;
    private final Exchange exchange;
    private final String routingKey;
    private final Map<String, Object> arguments;
    private final Selector selector;
    private final HeadersMatcher headersMatcher;

    Binding(Exchange source, MessageQueue queue, Exchange exchange, String routingKey, Map<String, Object> arguments,
            Selector selector, HeadersMatcher headersMatcher) {
        this.source = source;
        this.queue = queue;
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.arguments = arguments;
        this.selector = selector;
        this.headersMatcher = headersMatcher;
    }

    public Exchange source() {
        return source;
    }

    /** The destination queue, or null when the destination is an exchange. */
    public MessageQueue queue() {
        return queue;
    }

    /** The destination exchange, or null when the destination is a queue. */
    public Exchange destinationExchange() {
        return exchange;
    }

    public String destinationName() {
        return queue != null ? queue.name() : exchange.name();
    }

    public String routingKey() {
        return routingKey;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    /** The selector on this binding, or null. */
    public Selector selector() {
        return selector;
    }

    HeadersMatcher headersMatcher() {
        return headersMatcher;
    }

    /** Whether the message passes this binding's selector (always, when it has none). */
    public boolean accepts(Message message) {
        return selector == null || selector.matches(new MessageEvaluationContext(message, 1));
    }

    public boolean isDurable() {
        return source.isDurable() && (queue != null ? queue.isDurable() : exchange.isDurable());
    }

    public BindingRecord toRecord() {
        return new BindingRecord(source.virtualHost(), source.name(), destinationName(), queue != null,
                routingKey, arguments);
    }

    boolean sameAs(Object destination, String key, Map<String, Object> args) {
        return (destination == queue || destination == exchange) && routingKey.equals(key)
                && Values.deepEquals(arguments, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Binding b && b.source == source && b.queue == queue && b.exchange == exchange
                && b.routingKey.equals(routingKey) && Values.deepEquals(b.arguments, arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source.name(), destinationName(), routingKey);
    }

    @Override
    public String toString() {
        return "binding " + source.name() + " -> " + (queue != null ? "queue " : "exchange ") + destinationName()
                + " [" + routingKey + "]" + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
