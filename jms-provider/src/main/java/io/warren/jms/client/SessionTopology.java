package io.warren.jms.client;

import io.warren.jms.destination.NameLimits;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.destination.WarrenTopic;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.ErrorCodes;
import io.warren.selector.Selector;
import io.warren.selector.SelectorSyntaxException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's topology: maps JMS destinations and consumers onto broker queues and bindings. A JMS queue is the
 * broker queue of that name, declared when first used; a topic
 * subscription is a queue bound to the topic's exchange with the subscriber's key, header arguments and
 * selector ({@code x-selector}), so non-matching messages never enter it. Subscription queues carry their
 * JMS definition as {@code x-jms-*} arguments, which is how a changed durable subscription is recognised.
 */
final class SessionTopology {
    static final String TOPIC_ARG = "x-jms-topic";
    static final String SELECTOR_ARG = "x-jms-selector";
    static final String NO_LOCAL_ARG = "x-jms-no-local";
    static final String SHARED_ARG = "x-jms-shared";
    /** JMS priorities are 0..9: queues the provider creates keep ten priority levels. */
    static final Map<String, Object> QUEUE_ARGUMENTS = Map.of("x-max-priority", 9);
    private static final AtomicLong SUBSCRIPTION_NAMES = new AtomicLong();
    private static final int RETRIES = 5;

    /** The argument that carries a binding's selector. */
    static final String BINDING_SELECTOR_ARG = "x-selector";

    private final BrokerChannel channel;
    private final BrokerConnection host;
    private final WarrenConnection connection;

    SessionTopology(BrokerChannel channel, WarrenConnection connection) {
        this.channel = channel;
        this.host = connection.link();
        this.connection = connection;
    }

    /** Prepares the broker side of a destination a producer sends to. */
    void prepareForSend(WarrenDestination d) throws JMSException {
        NameLimits.check(d);
        checkNotDeleted(d);
        if (d instanceof WarrenTemporaryQueue) {
            return;
        }
        if (d.isQueue()) {
            ensureQueue(d.name());
        } else {
            checkExchange(d);
        }
    }

    /** Fails for a temporary destination that was deleted, or whose queue went with its connection. */
    void checkNotDeleted(WarrenDestination d) throws JMSException {
        if (connection.isDeletedTemporary(d)) {
            throw new InvalidDestinationException("temporary destination " + d + " was deleted");
        }
        if (d instanceof WarrenTemporaryQueue && !host.queueExists(d.name())) {
            throw new InvalidDestinationException("temporary queue " + d.name() + " no longer exists: it was"
                    + " deleted or the connection that created it was closed");
        }
    }

    /** Makes sure a JMS queue exists as a broker queue; an existing queue is used as declared. */
    void ensureQueue(String name) throws JMSException {
        NameLimits.check("queue name", name);
        if (host.queueExists(name)) {
            return;
        }
        try {
            channel.declareQueue(name, true, false, false, QUEUE_ARGUMENTS);
        } catch (JMSException e) {
            if (ErrorCodes.PRECONDITION_FAILED.equals(e.getErrorCode()) && host.queueExists(name)) {
                return;
            }
            throw e;
        }
    }

    /** Checks that a producer may publish to the destination's exchange. */
    void checkExchange(WarrenDestination d) throws JMSException {
        if (!host.exchangeExists(d.exchange())) {
            throw new InvalidDestinationException("destination " + d + " names exchange '" + d.exchange()
                    + "', which does not exist: declare it on the broker first");
        }
    }

    /**
     * Fails at once when the broker cannot apply a selector where JMS needs it: a broker without the JMS extras
     * (RabbitMQ) has no per-consumer filter on a queue and no selector on a binding.
     */
    void checkBrokerCanFilter(String selector, boolean onQueue) throws InvalidSelectorException {
        if (selector != null && !host.features().queueSelectors()) {
            throw new InvalidSelectorException(host.features().name() + (onQueue
                    ? " cannot apply a message selector to a queue consumer: it has no per-consumer filters, and"
                    + " messages that do not match must stay on the queue for other consumers"
                    : " cannot filter a topic subscription with a message selector: it has no selectors on"
                    + " bindings") + " (selector \"" + selector + "\")");
        }
    }

    /** Fails at once when the broker cannot skip a connection's own messages (no-local). */
    void checkBrokerCanSkipLocal(boolean noLocal) throws JMSException {
        if (noLocal && !host.features().noLocal()) {
            throw new JMSException(host.features().name() + " cannot deliver a subscription without the messages"
                    + " of its own connection (noLocal=true): it ignores AMQP's no-local flag");
        }
    }

    /** Fails at once when the broker cannot show a queue's messages without taking them. */
    void checkBrokerCanBrowse() throws JMSException {
        if (!host.features().browsing()) {
            throw new JMSException(host.features().name() + " cannot browse a queue: it has no way to read"
                    + " messages without taking them");
        }
    }

    /** Fails at once when the broker cannot hold a message until its delivery time. */
    void checkBrokerCanDelay(long deliveryDelay) throws JMSException {
        if (deliveryDelay > 0 && !host.features().deliveryDelay()) {
            throw new JMSException(host.features().name() + " cannot delay delivery (delivery delay "
                    + deliveryDelay + " ms): it delivers every message at once");
        }
    }

    static void checkSelector(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return;
        }
        try {
            Selector.parse(selector);
        } catch (SelectorSyntaxException e) {
            throw JmsExceptions.withCause(new InvalidSelectorException(e.getMessage()), e);
        }
    }

    /** A private queue for one non-durable subscriber, deleted when it closes. */
    String nonDurable(WarrenTopic topic, String selector, String connectionId) throws JMSException {
        NameLimits.check(topic);
        checkExchange(topic);
        checkSelector(selector);
        checkBrokerCanFilter(selector, false);
        String name = "jms.sub." + connectionId + "." + SUBSCRIPTION_NAMES.incrementAndGet();
        channel.declareQueue(name, false, true, true, QUEUE_ARGUMENTS);
        bind(name, topic, selector);
        return name;
    }

    static String durableQueueName(String clientId, String subscription) {
        return "jms.durable." + (clientId == null ? "" : clientId) + ":" + subscription;
    }

    static String sharedQueueName(String clientId, String subscription) {
        return "jms.shared." + (clientId == null ? "" : clientId) + ":" + subscription;
    }

    /**
     * The queue of a durable subscription, created or (when its topic, selector or no-local changed and it has
     * no consumer) replaced. The broker tells a changed definition: the queue carries it in {@code x-jms-*}
     * arguments, which a redeclaration must repeat exactly or be refused, over any transport.
     */
    String durable(String clientId, String subscription, WarrenTopic topic, String selector, boolean noLocal,
                   boolean shared) throws JMSException {
        checkName(subscription);
        NameLimits.check(topic);
        checkExchange(topic);
        checkSelector(selector);
        checkBrokerCanFilter(selector, false);
        String name = durableQueueName(clientId, subscription);
        NameLimits.check("durable subscription queue name", name);
        String who = "durable subscription '" + subscription + "'" + (clientId == null ? "" : " of client '"
                + clientId + "'");
        Map<String, Object> args = definition(topic, selector, noLocal, shared);
        for (int attempt = 0; ; attempt++) {
            try {
                if (declares(name, true, false, args)) {
                    if (!shared && channel.inspectQueue(name).consumerCount() > 0) {
                        throw new IllegalStateException(who + " already has an active consumer");
                    }
                    bind(name, topic, selector);
                    return name;
                }
                if (existsWithOtherSharing(name, topic, selector, shared)) {
                    throw new JMSException(who + " already exists as " + (shared ? "an unshared" : "a shared")
                            + " subscription");
                }
                if (channel.inspectQueue(name).consumerCount() > 0) {
                    throw shared ? new JMSException("shared " + who + " has active consumers with a different topic"
                            + " or selector") : new IllegalStateException(who + " already has an active consumer");
                }
                channel.deleteQueue(name, true);
            } catch (JMSException e) {
                if (attempt < RETRIES && (ErrorCodes.NOT_FOUND.equals(e.getErrorCode())
                        || ErrorCodes.PRECONDITION_FAILED.equals(e.getErrorCode()))) {
                    continue;
                }
                throw e;
            }
        }
    }

    /**
     * Declares a queue; false when it exists with another definition. The refused declaration costs nothing:
     * the transport does not let it close the session's channel.
     */
    private boolean declares(String name, boolean durable, boolean autoDelete, Map<String, Object> args)
            throws JMSException {
        try {
            channel.declareQueue(name, durable, false, autoDelete, args);
            return true;
        } catch (JMSException e) {
            if (ErrorCodes.PRECONDITION_FAILED.equals(e.getErrorCode()) && host.queueExists(name)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Whether the durable subscription queue exists as the other kind (shared or not) with this topic and
     * selector. A subscription of the other kind with another topic or selector as well, and no consumer, is
     * replaced rather than refused: the broker cannot tell it from a changed definition.
     */
    private boolean existsWithOtherSharing(String name, WarrenTopic topic, String selector, boolean shared)
            throws JMSException {
        if (declares(name, true, false, definition(topic, selector, false, !shared))) {
            return true;
        }
        return shared && declares(name, true, false, definition(topic, selector, true, false));
    }

    /** The queue of a shared non-durable subscription, deleted when its last consumer closes. */
    String sharedNonDurable(String clientId, String subscription, WarrenTopic topic, String selector)
            throws JMSException {
        checkName(subscription);
        NameLimits.check(topic);
        checkExchange(topic);
        checkSelector(selector);
        checkBrokerCanFilter(selector, false);
        String name = sharedQueueName(clientId, subscription);
        NameLimits.check("shared subscription queue name", name);
        Map<String, Object> args = definition(topic, selector, false, true);
        for (int attempt = 0; ; attempt++) {
            try {
                if (declares(name, false, true, args)) {
                    bind(name, topic, selector);
                    return name;
                }
                if (channel.inspectQueue(name).consumerCount() > 0) {
                    throw new JMSException("shared subscription '" + subscription
                            + "' has active consumers with a different topic or selector");
                }
                channel.deleteQueue(name, true);
            } catch (JMSException e) {
                if (attempt < RETRIES && (ErrorCodes.NOT_FOUND.equals(e.getErrorCode())
                        || ErrorCodes.PRECONDITION_FAILED.equals(e.getErrorCode()))) {
                    continue;
                }
                throw e;
            }
        }
    }

    /** Deletes a durable subscription; fails while it has consumers or when there is none. */
    void unsubscribe(String clientId, String subscription) throws JMSException {
        checkName(subscription);
        String name = durableQueueName(clientId, subscription);
        if (!host.queueExists(name)) {
            throw new InvalidDestinationException("no durable subscription '" + subscription + "'"
                    + (clientId == null ? "" : " for client '" + clientId + "'"));
        }
        try {
            channel.deleteQueue(name, true);
        } catch (JMSException e) {
            if (ErrorCodes.PRECONDITION_FAILED.equals(e.getErrorCode())) {
                throw JmsExceptions.withCause(new IllegalStateException("cannot unsubscribe '" + subscription
                        + "': it has an active consumer"), e);
            }
            throw e;
        }
    }

    private void bind(String queue, WarrenDestination topic, String selector) throws JMSException {
        NameLimits.check(topic);
        Map<String, Object> args = new HashMap<>(topic.bindingArguments());
        if (selector != null && !selector.isBlank()) {
            args.put(BINDING_SELECTOR_ARG, selector);
        }
        channel.bindQueue(queue, topic.exchange(), topic.bindingKey(), args);
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

    private static void checkName(String subscription) throws JMSException {
        if (subscription == null || subscription.isEmpty()) {
            throw new JMSException("subscription name must not be null or empty");
        }
    }
}
