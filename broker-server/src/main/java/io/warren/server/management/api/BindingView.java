package io.warren.server.management.api;

import io.warren.broker.VirtualHost;
import io.warren.broker.management.BindingInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A binding as {@code /api/bindings} shows it. Besides the engine's bindings, every queue has the default
 * exchange's implicit binding (source {@code ""}, routing key the queue's name), listed as RabbitMQ lists it;
 * it cannot be deleted. Immutable.
 *
 * @param source          the exchange messages come from, {@code ""} for the default exchange
 * @param vhost           the vhost
 * @param destination     the queue or exchange they go to
 * @param destinationType {@code queue} or {@code exchange}
 * @param routingKey      the binding key
 * @param arguments       the binding arguments
 * @param propertiesKey   what names this binding in paths (see {@link PropertiesKey})
 */
record BindingView(String source, String vhost, String destination, String destinationType, String routingKey,
                   Map<String, Object> arguments, String propertiesKey) {

    static final String QUEUE = "queue";
    static final String EXCHANGE = "exchange";

    private static final Comparator<BindingView> ORDER = Comparator.comparing(BindingView::source)
            .thenComparing(BindingView::destination).thenComparing(BindingView::destinationType)
            .thenComparing(BindingView::routingKey).thenComparing(BindingView::propertiesKey);

    static BindingView of(String vhost, BindingInfo b) {
        return new BindingView(b.source(), vhost, b.destination(), b.toQueue() ? QUEUE : EXCHANGE, b.routingKey(),
                b.arguments(), PropertiesKey.of(b.routingKey(), b.arguments()));
    }

    /** The default exchange's binding of {@code queue}. */
    static BindingView implicit(String vhost, String queue) {
        return new BindingView(VirtualHost.DEFAULT_EXCHANGE, vhost, queue, QUEUE, queue, Map.of(),
                PropertiesKey.of(queue, Map.of()));
    }

    /** Every binding of {@code vhost}, the implicit ones included, by source, destination and key. */
    static List<BindingView> all(VirtualHost vhost) {
        List<BindingView> all = new ArrayList<>();
        for (String queue : vhost.queueNames()) {
            all.add(implicit(vhost.name(), queue));
        }
        for (BindingInfo b : vhost.allBindings()) {
            all.add(of(vhost.name(), b));
        }
        all.sort(ORDER);
        return all;
    }

    /** Whether this binding goes to the queue ({@code toQueue}) or exchange named {@code name}. */
    boolean goesTo(String name, boolean toQueue) {
        return destination.equals(name) && destinationType.equals(toQueue ? QUEUE : EXCHANGE);
    }
}
