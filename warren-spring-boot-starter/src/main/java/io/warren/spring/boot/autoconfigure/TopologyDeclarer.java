package io.warren.spring.boot.autoconfigure;

import io.warren.jms.destination.ExchangeAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares the {@code spring.warren} exchanges, then queues, then bindings, so a binding may name any of them.
 * Declaring is idempotent: what exists with the same properties is left as it is. The first failure stops it with a
 * {@link WarrenTopologyException} naming the property.
 */
final class TopologyDeclarer {
    private static final String P = WarrenProperties.PREFIX + ".";

    private TopologyDeclarer() {
    }

    /**
     * @param target the broker to declare on; closed when done
     * @param where  the broker, for messages ({@code embedded broker 'orders'})
     */
    static void declare(WarrenProperties properties, TopologyTarget target, String where) {
        try (target) {
            List<WarrenProperties.ExchangeDefinition> exchanges = properties.getExchanges();
            for (int i = 0; i < exchanges.size(); i++) {
                WarrenProperties.ExchangeDefinition e = exchanges.get(i);
                run(P + "exchanges[" + i + "]", "exchange '" + e.getName() + "'", where,
                        () -> target.declareExchange(e.getName(), e.getType().toLowerCase(java.util.Locale.ROOT),
                                e.isDurable()));
            }
            List<WarrenProperties.QueueDefinition> queues = properties.getQueues();
            for (int i = 0; i < queues.size(); i++) {
                WarrenProperties.QueueDefinition q = queues.get(i);
                run(P + "queues[" + i + "]", "queue '" + q.getName() + "'", where,
                        () -> target.declareQueue(q.getName(), q.isDurable(), typed(q.getArguments())));
            }
            List<WarrenProperties.BindingDefinition> bindings = properties.getBindings();
            for (int i = 0; i < bindings.size(); i++) {
                bind(P + "bindings[" + i + "]", bindings.get(i), target, where);
            }
        }
    }

    private static void bind(String property, WarrenProperties.BindingDefinition b, TopologyTarget target,
                             String where) {
        String key = b.getRoutingKey() == null ? "" : b.getRoutingKey();
        Map<String, Object> args = typed(b.getArguments());
        if (b.getQueue() != null && !b.getQueue().isBlank()) {
            run(property, "binding of queue '" + b.getQueue() + "' to exchange '" + b.getExchange() + "'", where,
                    () -> target.bindQueue(b.getQueue(), b.getExchange(), key, args));
        } else {
            run(property, "binding of exchange '" + b.getDestinationExchange() + "' to exchange '"
                    + b.getExchange() + "'", where,
                    () -> target.bindExchange(b.getDestinationExchange(), b.getExchange(), key, args));
        }
    }

    private interface Declaration {
        void run() throws Exception;
    }

    private static void run(String property, String what, String where, Declaration declaration) {
        try {
            declaration.run();
        } catch (Exception e) {
            throw new WarrenTopologyException(property, "cannot declare " + what + " of " + property + " on "
                    + where + ": " + e.getMessage() + ". Change " + property + " or the broker's existing"
                    + " definition.", e);
        }
    }

    /** Argument values typed as JMS properties: integers are longs, true/false booleans, 'quoted' strings. */
    static Map<String, Object> typed(Map<String, String> arguments) {
        Map<String, Object> typed = new LinkedHashMap<>();
        arguments.forEach((k, v) -> typed.put(k, ExchangeAddress.argumentValue(v)));
        return typed;
    }
}
