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
    private final List<MessageQueue> queues = new ArrayList<>(2);
    /** The same queues as a set, once there are too many for a linear check. */
    private Set<MessageQueue> queueSet;
    /** Every exchange reached, in order; those before {@link #routed} have been routed through. */
    private List<Exchange> visited;
    /** The same exchanges as a set, once there are too many for a linear check. */
    private Set<Exchange> visitedSet;
    private int routed;

    void addQueue(MessageQueue queue) {
        // Most publishes reach one or a few queues; a linear check beats hashing there.
        if (queues.size() < 16) {
            for (int i = 0; i < queues.size(); i++) {
                if (queues.get(i) == queue) {
                    return;
                }
            }
        } else {
            if (queueSet == null) {
                queueSet = Collections.newSetFromMap(new IdentityHashMap<>());
                queueSet.addAll(queues);
            }
            if (!queueSet.add(queue)) {
                return;
            }
        }
        queues.add(queue);
    }

    /** Schedules {@code exchange} for routing unless this publish has reached it before. */
    void reach(Exchange exchange) {
        if (visited == null) {
            visited = new ArrayList<>(2);
        } else if (visited.size() < 16) {
            for (Exchange e : visited) {
                if (e == exchange) {
                    return;
                }
            }
        } else {
            if (visitedSet == null) {
                visitedSet = Collections.newSetFromMap(new IdentityHashMap<>());
                visitedSet.addAll(visited);
            }
            if (!visitedSet.add(exchange)) {
                return;
            }
        }
        visited.add(exchange);
    }

    /** The next exchange to route through, in the order they were reached, or null when all are done. */
    Exchange nextExchange() {
        return visited == null || routed == visited.size() ? null : visited.get(routed++);
    }

    public List<MessageQueue> queues() {
        return queues;
    }
}
