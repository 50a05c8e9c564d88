package io.warren.ra.inbound;

import io.warren.ra.ConnectionProperties;
import io.warren.ra.ConnectionSettings;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration of one message-driven bean's subscription: the standard activation-config properties of the
 * Jakarta Messaging specification (destination, destinationLookup, destinationType, messageSelector,
 * acknowledgeMode, subscriptionDurability, subscriptionName, clientId, shareSubscriptions) plus {@code maxSession}
 * and the connection settings that override the adapter's ({@code connectionUrl}, {@code user}, {@code password}).
 *
 * <p>A JavaBean the server fills from {@code @ActivationConfigProperty} values or deployment descriptors, then
 * checks with {@link #validate()}. Not thread-safe: the server configures it on one thread before activation, and
 * the adapter reads it once, into an {@link ActivationConfig}.
 */
public class WarrenActivationSpec extends ConnectionProperties implements ActivationSpec, ResourceAdapterAssociation {
    private static final long serialVersionUID = 1L;

    /** {@code destinationType} value for queues (the default). */
    public static final String QUEUE = "jakarta.jms.Queue";
    /** {@code destinationType} value for topics. */
    public static final String TOPIC = "jakarta.jms.Topic";
    /** {@code acknowledgeMode} value for automatic acknowledgement (the default). */
    public static final String AUTO_ACKNOWLEDGE = "Auto-acknowledge";
    /** {@code acknowledgeMode} value for lazy acknowledgement that may deliver a message twice. */
    public static final String DUPS_OK_ACKNOWLEDGE = "Dups-ok-acknowledge";
    /** {@code subscriptionDurability} value for a durable topic subscription. */
    public static final String DURABLE = "Durable";
    /** {@code subscriptionDurability} value for a subscription that lives as long as the endpoint (the default). */
    public static final String NON_DURABLE = "NonDurable";
    /** Concurrent sessions (and so concurrent bean instances) when {@code maxSession} is not set. */
    public static final int DEFAULT_MAX_SESSION = 15;

    private transient ResourceAdapter resourceAdapter;
    private String destination;
    private String destinationLookup;
    private String destinationType = QUEUE;
    private String messageSelector;
    private String acknowledgeMode = AUTO_ACKNOWLEDGE;
    private String subscriptionDurability = NON_DURABLE;
    private String subscriptionName;
    private String clientId;
    private Boolean shareSubscriptions = Boolean.FALSE;
    private Integer maxSession = DEFAULT_MAX_SESSION;

    /**
     * Checks the properties together and reports every problem at once.
     *
     * @throws InvalidPropertyException naming each bad property and what to set instead
     */
    @Override
    public void validate() throws InvalidPropertyException {
        List<String> problems = new ArrayList<>();
        if (blank(destination) && blank(destinationLookup)) {
            problems.add("destination (or destinationLookup) is required: set it to the name of the queue or topic"
                    + " the endpoint consumes from");
        }
        boolean topic = TOPIC.equals(normalisedType());
        if (!QUEUE.equals(normalisedType()) && !topic) {
            problems.add("destinationType must be " + QUEUE + " or " + TOPIC + ", was '" + destinationType + "'");
        }
        if (!AUTO_ACKNOWLEDGE.equalsIgnoreCase(trim(acknowledgeMode))
                && !DUPS_OK_ACKNOWLEDGE.equalsIgnoreCase(trim(acknowledgeMode))) {
            problems.add("acknowledgeMode must be " + AUTO_ACKNOWLEDGE + " or " + DUPS_OK_ACKNOWLEDGE + ", was '"
                    + acknowledgeMode + "'");
        }
        boolean durable = DURABLE.equalsIgnoreCase(trim(subscriptionDurability));
        if (!durable && !NON_DURABLE.equalsIgnoreCase(trim(subscriptionDurability))) {
            problems.add("subscriptionDurability must be " + DURABLE + " or " + NON_DURABLE + ", was '"
                    + subscriptionDurability + "'");
        }
        if (durable && !topic) {
            problems.add("subscriptionDurability=Durable applies to topics only: set destinationType=" + TOPIC
                    + " or remove subscriptionDurability");
        }
        if (durable && blank(subscriptionName)) {
            problems.add("a durable subscription needs subscriptionName");
        }
        if (topic && !durable && sharesSubscription() && blank(subscriptionName)) {
            problems.add("a shared subscription (shareSubscriptions=true) needs subscriptionName");
        }
        if (maxSession == null || maxSession < 1) {
            problems.add("maxSession must be at least 1, was " + maxSession);
        }
        if (!blank(getConnectionUrl())) {
            String urlProblem = new ConnectionSettings(getConnectionUrl(), null, null).urlProblem();
            if (urlProblem != null) {
                problems.add("connectionUrl is malformed: " + urlProblem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPropertyException("invalid Warren activation spec for "
                    + (blank(destination) ? destinationLookup : destination) + ": " + String.join("; ", problems));
        }
    }

    /** The destination type with the pre-Jakarta {@code javax.jms} names accepted as synonyms. */
    String normalisedType() {
        String type = trim(destinationType);
        if (type == null || type.isEmpty()) {
            return QUEUE;
        }
        if (type.startsWith("javax.jms.")) {
            return "jakarta.jms." + type.substring("javax.jms.".length());
        }
        return type;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    public String getDestination() {
        return destination;
    }

    /** Name of the queue or topic to consume from (used when {@link #getDestinationLookup()} is not set). */
    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getDestinationLookup() {
        return destinationLookup;
    }

    /** JNDI name of a {@code Queue} or {@code Topic} administered object; takes precedence over destination. */
    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = destinationLookup;
    }

    public String getDestinationType() {
        return destinationType;
    }

    /** {@code jakarta.jms.Queue} (default) or {@code jakarta.jms.Topic}. */
    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    public String getMessageSelector() {
        return messageSelector;
    }

    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    /** {@code Auto-acknowledge} (default) or {@code Dups-ok-acknowledge}; ignored for transacted delivery. */
    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    /** {@code NonDurable} (default) or {@code Durable}; topics only. */
    public void setSubscriptionDurability(String subscriptionDurability) {
        this.subscriptionDurability = subscriptionDurability;
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Boolean getShareSubscriptions() {
        return shareSubscriptions;
    }

    /** Not a bean getter (an {@code is} getter would hide the Boolean property's setter from introspection). */
    boolean sharesSubscription() {
        return Boolean.TRUE.equals(shareSubscriptions);
    }

    /** True to consume from a shared subscription, so several endpoints (or servers) divide its messages. */
    public void setShareSubscriptions(Boolean shareSubscriptions) {
        this.shareSubscriptions = shareSubscriptions;
    }

    public Integer getMaxSession() {
        return maxSession;
    }

    /** How many sessions deliver concurrently (default 15); an unshared topic subscription always uses one. */
    public void setMaxSession(Integer maxSession) {
        this.maxSession = maxSession;
    }

    @Override
    public String toString() {
        return "WarrenActivationSpec[destination=" + (blank(destination) ? destinationLookup : destination)
                + ", type=" + destinationType + ", selector=" + messageSelector + ", durability="
                + subscriptionDurability + ", subscriptionName=" + subscriptionName + ", clientId=" + clientId
                + ", shared=" + shareSubscriptions + ", maxSession=" + maxSession + "]";
    }
}
