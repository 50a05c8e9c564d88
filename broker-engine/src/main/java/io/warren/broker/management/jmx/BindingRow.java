package io.warren.broker.management.jmx;

import io.warren.broker.management.BindingInfo;
import java.util.Map;
import javax.management.ConstructorParameters;

/**
 * One binding, as JMX shows it ({@code CompositeData} with items named after the components). The getters are
 * what JMX reads; the record accessors serve Java callers.
 *
 * @param source          the exchange messages come from
 * @param destination     the queue or exchange they go to
 * @param destinationType {@code queue} or {@code exchange}
 * @param arguments       binding arguments as text (see {@link OpenValues#text})
 */
public record BindingRow(String source, String destination, String destinationType, String routingKey,
                         Map<String, String> arguments) {

    @ConstructorParameters({"source", "destination", "destinationType", "routingKey", "arguments"})
    public BindingRow {
        arguments = Map.copyOf(arguments);
    }

    static BindingRow of(BindingInfo b) {
        return new BindingRow(b.source(), b.destination(), b.toQueue() ? "queue" : "exchange", b.routingKey(),
                OpenValues.texts(b.arguments()));
    }

    public String getSource() {
        return source;
    }

    public String getDestination() {
        return destination;
    }

    public String getDestinationType() {
        return destinationType;
    }

    public String getRoutingKey() {
        return routingKey;
    }

    public Map<String, String> getArguments() {
        return arguments;
    }
}
