package io.warren.broker.exchange;

import io.warren.broker.queue.MessageQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Gathers the queues one publish reaches, each once, and the exchanges it still has to be routed through, while
 * routing follows exchange-to-exchange bindings (each exchange routed once, so binding cycles end). Short-lived and
 * single-threaded.
 */
public final class RouteCollector {
    private final DistinctList<MessageQueue> queues = new DistinctList<>();
    /** Every exchange reached, in order; those before {@link #routed} have been routed through. */
    private final DistinctList<Exchange> exchanges = new DistinctList<>();
    private int routed;

    void addQueue(MessageQueue queue) {
        queues.add(queue);
    }

    /** Schedules {@code exchange} for routing unless this publish has reached it before. */
    void reach(Exchange exchange) {
        exchanges.add(exchange);
    }

    /** The next exchange to route through, in the order they were reached, or null when all are done. */
    Exchange nextExchange() {
        return routed == exchanges.items.size() ? null : exchanges.items.get(routed++);
    }

    public List<MessageQueue> queues() {
        return queues.items;
    }

    /** A list without duplicates by identity: a linear check while short (most publishes), a set once long. */
    private static final class DistinctList<E> {
        private static final int LINEAR = 16;
        final List<E> items = new ArrayList<>(2);
        private Set<E> index;

        void add(E e) {
            if (items.size() < LINEAR) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) == e) {
                        return;
                    }
                }
            } else {
                if (index == null) {
                    index = Collections.newSetFromMap(new IdentityHashMap<>());
                    index.addAll(items);
                }
                if (!index.add(e)) {
                    return;
                }
            }
            items.add(e);
        }
    }
}
