package io.warren.ra.inbound;

import io.warren.ra.ConnectionSettings;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A validated activation spec reduced to what the adapter acts on, read once at activation so later changes to the
 * bean cannot reach running sessions. Immutable.
 *
 * @param connection       where to connect: the adapter's settings overridden by the spec's
 * @param destinationName  the destination's name, or null when only a JNDI lookup is given
 * @param destinationLookup JNDI name of the destination, or null
 * @param topic            true for a topic, false for a queue
 * @param selector         message selector, or null
 * @param acknowledgeMode  {@link Session#AUTO_ACKNOWLEDGE} or {@link Session#DUPS_OK_ACKNOWLEDGE}
 * @param durable          a durable topic subscription
 * @param shared           a shared topic subscription: asked for, or durable without a client ID
 * @param subscriptionName the subscription's name (durable or shared), or null
 * @param clientId         the inbound connection's client ID, or null
 * @param maxSession       the configured number of concurrent sessions
 */
public record ActivationConfig(ConnectionSettings connection, String destinationName, String destinationLookup,
                               boolean topic, String selector, int acknowledgeMode, boolean durable, boolean shared,
                               String subscriptionName, String clientId, int maxSession) {

    /**
     * Reads a spec (call {@link WarrenActivationSpec#validate()} first).
     *
     * @param adapterSettings the resource adapter's connection settings, which the spec's override
     */
    public static ActivationConfig of(WarrenActivationSpec spec, ConnectionSettings adapterSettings) {
        boolean dupsOk = WarrenActivationSpec.DUPS_OK_ACKNOWLEDGE.equalsIgnoreCase(trimmed(spec.getAcknowledgeMode()));
        boolean durable = WarrenActivationSpec.DURABLE.equalsIgnoreCase(trimmed(spec.getSubscriptionDurability()));
        String clientId = blankToNull(spec.getClientId());
        // A durable subscription without a client ID can only be a shared one (Jakarta Messaging identifies an
        // unshared one by client ID and name); the activation's sessions then divide its messages.
        boolean shared = spec.sharesSubscription() || durable && clientId == null;
        return new ActivationConfig(
                spec.over(adapterSettings),
                blankToNull(spec.getDestination()), blankToNull(spec.getDestinationLookup()),
                WarrenActivationSpec.TOPIC.equals(spec.normalisedType()), blankToNull(spec.getMessageSelector()),
                dupsOk ? Session.DUPS_OK_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE, durable, shared,
                blankToNull(spec.getSubscriptionName()), clientId,
                spec.getMaxSession() == null ? WarrenActivationSpec.DEFAULT_MAX_SESSION : spec.getMaxSession());
    }

    /**
     * Sessions to open: {@code maxSession}, except for an unshared topic subscription, which has exactly one
     * consumer (several would each get every message, or be refused for a durable one).
     */
    public int sessionCount() {
        return topic && !shared ? 1 : maxSession;
    }

    /** The destination named by the JNDI lookup if there is one, otherwise created from its name. */
    public Destination resolveDestination(Session session) throws JMSException {
        if (destinationLookup != null) {
            Object found;
            try {
                found = new InitialContext().lookup(destinationLookup);
            } catch (NamingException e) {
                JMSException failure = new jakarta.jms.InvalidDestinationException("destinationLookup '"
                        + destinationLookup + "' could not be looked up: " + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
            if (!(found instanceof Destination d) || (topic ? !(found instanceof Topic) : !(found instanceof Queue))) {
                throw new jakarta.jms.InvalidDestinationException("destinationLookup '" + destinationLookup
                        + "' names " + (found == null ? "null" : found.getClass().getName()) + ", not a "
                        + (topic ? "jakarta.jms.Topic" : "jakarta.jms.Queue"));
            }
            return d;
        }
        return topic ? session.createTopic(destinationName) : session.createQueue(destinationName);
    }

    /** The consumer this configuration asks for: queue, plain, durable, shared or shared durable subscriber. */
    public MessageConsumer createConsumer(Session session, Destination destination) throws JMSException {
        if (!topic) {
            return session.createConsumer(destination, selector);
        }
        Topic t = (Topic) destination;
        if (durable) {
            return shared ? session.createSharedDurableConsumer(t, subscriptionName, selector)
                    : session.createDurableConsumer(t, subscriptionName, selector, false);
        }
        return shared ? session.createSharedConsumer(t, subscriptionName, selector)
                : session.createConsumer(t, selector);
    }

    /** The destination for log messages. */
    public String describeDestination() {
        return (topic ? "topic " : "queue ") + (destinationLookup != null ? destinationLookup : destinationName);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
