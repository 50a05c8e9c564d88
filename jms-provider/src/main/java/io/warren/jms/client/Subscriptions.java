package io.warren.jms.client;

import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.broker.ErrorCode;
import io.warren.broker.QueueInfo;
import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.Binding;
import io.warren.broker.selector.Selector;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps JMS consumers onto broker queues and bindings: a JMS queue is the broker queue of that name; a topic
 * subscription is a queue bound to the topic's exchange with the subscriber's key, header arguments and
 * selector ({@code x-selector}), so non-matching messages never enter it. Subscription queues carry their
 * JMS definition as {@code x-jms-*} arguments, which is how a changed durable subscription is recognised.
 */
final class Subscriptions {
    static final String TOPIC_ARG = "x-jms-topic";
    static final String SELECTOR_ARG = "x-jms-selector";
    static final String NO_LOCAL_ARG = "x-jms-no-local";
    static final String SHARED_ARG = "x-jms-shared";
    /** JMS priorities are 0..9: queues the provider creates keep ten priority levels. */
    static final Map<String, Object> QUEUE_ARGUMENTS = Map.of("x-max-priority", 9);
    private static final AtomicLong SUBSCRIPTION_NAMES = new AtomicLong();
    private static final int RETRIES = 5;

    private final Channel channel;
    private final VirtualHost host;

    Subscriptions(Channel channel, VirtualHost host) {
        this.channel = channel;
        this.host = host;
    }

    /** Makes sure a JMS queue exists as a broker queue; an existing queue is used as declared. */
    void ensureQueue(String name) throws JMSException {
        if (host.hasQueue(name)) {
            return;
        }
        try {
            channel.queueDeclare(name, true, false, false, QUEUE_ARGUMENTS);
        } catch (BrokerException e) {
            if (e.code() == ErrorCode.PRECONDITION_FAILED && host.hasQueue(name)) {
                return;
            }
            throw JmsExceptions.from(e);
        }
    }

    /** Checks that a producer may publish to the destination's exchange. */
    void checkExchange(WarrenDestination d) throws JMSException {
        if (!host.hasExchange(d.exchange())) {
            throw new InvalidDestinationException("destination " + d + " names exchange '" + d.exchange()
                    + "', which does not exist: declare it on the broker first");
        }
    }

    static void checkSelector(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return;
        }
        try {
            Selector.parse(selector);
        } catch (BrokerException e) {
            throw JmsExceptions.withCause(new InvalidSelectorException(e.getMessage()), e);
        }
    }

    /** A private queue for one non-durable subscriber, deleted when it closes. */
    String nonDurable(WarrenTopic topic, String selector, String connectionId) throws JMSException {
        checkExchange(topic);
        checkSelector(selector);
        String name = "jms.sub." + connectionId + "." + SUBSCRIPTION_NAMES.incrementAndGet();
        try {
            channel.queueDeclare(name, false, true, true, QUEUE_ARGUMENTS);
            bind(name, topic, selector);
            return name;
        } catch (BrokerException e) {
            throw JmsExceptions.from(e);
        }
    }

    static String durableQueueName(String clientId, String subscription) {
        return "jms.durable." + (clientId == null ? "" : clientId) + ":" + subscription;
    }

    static String sharedQueueName(String clientId, String subscription) {
        return "jms.shared." + (clientId == null ? "" : clientId) + ":" + subscription;
    }

    /**
     * The queue of a durable subscription, created or (when its topic, selector or no-local changed and it has
     * no consumer) replaced.
     */
    String durable(String clientId, String subscription, WarrenTopic topic, String selector, boolean noLocal,
                   boolean shared) throws JMSException {
        checkName(subscription);
        checkExchange(topic);
        checkSelector(selector);
        String name = durableQueueName(clientId, subscription);
        Map<String, Object> args = definition(topic, selector, noLocal, shared);
        for (int attempt = 0; ; attempt++) {
            try {
                if (host.hasQueue(name)) {
                    QueueInfo info = channel.queueDeclarePassive(name);
                    boolean existingShared = Boolean.TRUE.equals(info.arguments().get(SHARED_ARG));
                    if (existingShared != shared) {
                        throw new JMSException("durable subscription '" + subscription + "'"
                                + (clientId == null ? "" : " of client '" + clientId + "'") + " already exists as "
                                + (existingShared ? "a shared" : "an unshared") + " subscription");
                    }
                    if (!shared && info.consumerCount() > 0) {
                        throw new IllegalStateException("durable subscription '" + subscription + "' of client '"
                                + clientId + "' already has an active consumer");
                    }
                    if (sameDefinition(info.arguments(), args)) {
                        return name;
                    }
                    if (info.consumerCount() > 0) {
                        throw new JMSException("shared durable subscription '" + subscription
                                + "' has active consumers with a different topic or selector");
                    }
                    channel.queueDelete(name, true, false);
                }
                channel.queueDeclare(name, true, false, false, args);
                bind(name, topic, selector);
                return name;
            } catch (BrokerException e) {
                if (attempt < RETRIES && (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.PRECONDITION_FAILED)) {
                    continue;
                }
                throw JmsExceptions.from(e);
            }
        }
    }

    /** The queue of a shared non-durable subscription, deleted when its last consumer closes. */
    String sharedNonDurable(String clientId, String subscription, WarrenTopic topic, String selector)
            throws JMSException {
        checkName(subscription);
        checkExchange(topic);
        checkSelector(selector);
        String name = sharedQueueName(clientId, subscription);
        Map<String, Object> args = definition(topic, selector, false, true);
        for (int attempt = 0; ; attempt++) {
            try {
                if (host.hasQueue(name)) {
                    QueueInfo info = channel.queueDeclarePassive(name);
                    if (sameDefinition(info.arguments(), args)) {
                        return name;
                    }
                    if (info.consumerCount() > 0) {
                        throw new JMSException("shared subscription '" + subscription
                                + "' has active consumers with a different topic or selector");
                    }
                    channel.queueDelete(name, true, false);
                }
                channel.queueDeclare(name, false, false, true, args);
                bind(name, topic, selector);
                return name;
            } catch (BrokerException e) {
                if (attempt < RETRIES && (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.PRECONDITION_FAILED)) {
                    continue;
                }
                throw JmsExceptions.from(e);
            }
        }
    }

    /** Deletes a durable subscription; fails while it has consumers or when there is none. */
    void unsubscribe(String clientId, String subscription) throws JMSException {
        checkName(subscription);
        String name = durableQueueName(clientId, subscription);
        if (!host.hasQueue(name)) {
            throw new InvalidDestinationException("no durable subscription '" + subscription + "'"
                    + (clientId == null ? "" : " for client '" + clientId + "'"));
        }
        try {
            channel.queueDelete(name, true, false);
        } catch (BrokerException e) {
            if (e.code() == ErrorCode.PRECONDITION_FAILED) {
                throw JmsExceptions.withCause(new IllegalStateException("cannot unsubscribe '" + subscription
                        + "': it has an active consumer"), e);
            }
            throw JmsExceptions.from(e);
        }
    }

    private void bind(String queue, WarrenDestination topic, String selector) {
        Map<String, Object> args = new HashMap<>(topic.bindingArguments());
        if (selector != null && !selector.isBlank()) {
            args.put(Binding.SELECTOR_ARGUMENT, selector);
        }
        channel.queueBind(queue, topic.exchange(), topic.bindingKey(), args);
    }

    private static Map<String, Object> definition(WarrenTopic topic, String selector, boolean noLocal, boolean shared) {
        Map<String, Object> args = new HashMap<>(QUEUE_ARGUMENTS);
        args.put(TOPIC_ARG, topic.toUri());
        if (selector != null && !selector.isBlank()) {
            args.put(SELECTOR_ARG, selector);
        }
        args.put(NO_LOCAL_ARG, noLocal);
        args.put(SHARED_ARG, shared);
        return args;
    }

    private static boolean sameDefinition(Map<String, Object> existing, Map<String, Object> wanted) {
        for (String k : new String[] {TOPIC_ARG, SELECTOR_ARG, NO_LOCAL_ARG}) {
            if (!Objects.equals(existing.get(k), wanted.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static void checkName(String subscription) throws JMSException {
        if (subscription == null || subscription.isEmpty()) {
            throw new JMSException("subscription name must not be null or empty");
        }
    }
}
