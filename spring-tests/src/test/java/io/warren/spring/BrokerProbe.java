package io.warren.spring;

import io.warren.broker.QueueInfo;
import io.warren.broker.VirtualHost;
import io.warren.jms.WarrenConnectionFactory;
import java.util.Set;
import java.util.stream.Collectors;

/** Looks at the embedded broker behind a factory: queues, their depth and consumers. */
final class BrokerProbe {
    /** Prefix of the private queue of a non-durable topic subscriber: {@code jms.sub.<connection>.<n>}. */
    static final String SUBSCRIBER_QUEUE_PREFIX = "jms.sub.";

    private final WarrenConnectionFactory factory;

    BrokerProbe(WarrenConnectionFactory factory) {
        this.factory = factory;
    }

    VirtualHost host() {
        return TestBrokers.host(factory);
    }

    Set<String> queueNames() {
        return host().queueNames();
    }

    Set<String> subscriberQueues() {
        return queueNames().stream().filter(n -> n.startsWith(SUBSCRIBER_QUEUE_PREFIX)).collect(Collectors.toSet());
    }

    boolean exists(String queue) {
        return host().hasQueue(queue);
    }

    /** The queue's counts, or null when it does not exist (any more). */
    QueueInfo info(String queue) {
        return host().queueInfo(queue);
    }

    int consumers(String queue) {
        QueueInfo info = info(queue);
        return info == null ? 0 : info.consumerCount();
    }

    int messages(String queue) {
        QueueInfo info = info(queue);
        return info == null ? 0 : info.messageCount();
    }

    /** Consumers on all queues of the virtual host. */
    int totalConsumers() {
        return queueNames().stream().mapToInt(this::consumers).sum();
    }
}
