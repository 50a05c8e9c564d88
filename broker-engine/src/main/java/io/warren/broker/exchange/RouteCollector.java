package io.warren.broker.exchange;

import io.warren.broker.queue.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the queues one publish reaches, each once, while routing walks exchanges and exchange-to-exchange
 * bindings (each exchange visited once, so binding cycles end). Short-lived and single-threaded.
 */
public final class RouteCollector {
    private final List<MessageQueue> queues = new ArrayList<>(2);
    private List<Exchange> visited;

    void addQueue(MessageQueue queue) {
        // Most publishes reach one or a few queues; a linear check beats hashing there.
        if (queues.size() < 16) {
            for (int i = 0; i < queues.size(); i++) {
                if (queues.get(i) == queue) {
                    return;
                }
            }
        } else if (queues.contains(queue)) {
            return;
        }
        queues.add(queue);
    }

    boolean visit(Exchange exchange) {
        if (visited == null) {
            visited = new ArrayList<>(2);
        } else {
            for (Exchange e : visited) {
                if (e == exchange) {
                    return false;
                }
            }
        }
        visited.add(exchange);
        return true;
    }

    int queueCount() {
        return queues.size();
    }

    public List<MessageQueue> queues() {
        return queues;
    }
}
