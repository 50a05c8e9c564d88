package io.warren.broker;

import io.warren.broker.management.BrokerEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one broker's events, told in registration order; one failing listener does not stop the rest. */
final class BrokerEvents {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerEvents.class);

    private final List<BrokerEventListener> listeners = new CopyOnWriteArrayList<>();

    void add(BrokerEventListener listener) {
        listeners.add(listener);
    }

    void remove(BrokerEventListener listener) {
        listeners.remove(listener);
    }

    void fire(Consumer<BrokerEventListener> event) {
        for (BrokerEventListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("broker event listener {} failed", l, e);
            }
        }
    }
}
