package io.warren.jms.destination;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;

/**
 * A JMS destination and where it lives in the broker: the exchange a producer publishes to, the routing key,
 * and for subscribers the binding (key and arguments) their subscription queue gets. Its string form
 * ({@link #toUri()}) travels in {@code JMSReplyTo} and JNDI references.
 */
public abstract class WarrenDestination implements Destination, Serializable, Referenceable {
    private static final long serialVersionUID = 1L;
    /** JNDI object factory that turns a {@link Reference} of a destination back into the object. */
    public static final String OBJECT_FACTORY = "io.warren.jndi.WarrenObjectFactory";
    /** Reference address type holding {@link #toUri()}. */
    public static final String REFERENCE_ADDRESS = "uri";

    private final String name;

    protected WarrenDestination(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The name the application gave: queue name, topic name or exchange address. */
    public String name() {
        return name;
    }

    /** The exchange a producer publishes to. */
    public abstract String exchange();

    /** The routing key a producer publishes with. */
    public abstract String routingKey();

    /** The binding key a subscription to this destination is bound with (may contain wildcards). */
    public String bindingKey() {
        return routingKey();
    }

    /** Extra binding arguments for a subscription (header match arguments for a headers exchange). */
    public Map<String, Object> bindingArguments() {
        return Map.of();
    }

    public abstract boolean isQueue();

    public boolean isTemporary() {
        return false;
    }

    /** {@code queue://name}, {@code topic://name}, {@code temp-queue://name}, {@code temp-topic://name}. */
    public abstract String toUri();

    /** Parses the form {@link #toUri()} produces. */
    public static WarrenDestination fromUri(String uri) throws InvalidDestinationException {
        if (uri == null) {
            throw new InvalidDestinationException("destination URI is null");
        }
        int sep = uri.indexOf("://");
        if (sep < 0) {
            throw new InvalidDestinationException("destination '" + uri
                    + "' is not of the form queue://NAME, topic://NAME, temp-queue://NAME or temp-topic://NAME");
        }
        String scheme = uri.substring(0, sep);
        String name = uri.substring(sep + 3);
        return switch (scheme) {
            case "queue" -> new WarrenQueue(name);
            case "topic" -> new WarrenTopic(name);
            case "temp-queue" -> new WarrenTemporaryQueue(name, null);
            case "temp-topic" -> new WarrenTemporaryTopic(name, null);
            default -> throw new InvalidDestinationException("unknown destination scheme '" + scheme + "' in '"
                    + uri + "': expected queue, topic, temp-queue or temp-topic");
        };
    }

    @Override
    public Reference getReference() throws NamingException {
        Reference ref = new Reference(getClass().getName(), OBJECT_FACTORY, null);
        ref.add(new StringRefAddr(REFERENCE_ADDRESS, toUri()));
        return ref;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WarrenDestination d && d.getClass() == getClass() && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }

    @Override
    public String toString() {
        return toUri();
    }
}
