package io.warren.jndi;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.client.ClientOptions;
import io.warren.jms.WarrenXAConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.destination.WarrenTemporaryTopic;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnectionFactory;
import java.util.Arrays;
import java.util.Collections;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NamingException;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * JNDI object factory that turns a {@link Reference} back into a Warren connection factory or destination. It
 * reads both the references Warren's own objects produce ({@code getReference()}) and the ones a container
 * builds from configuration, such as a Tomcat resource:
 * <pre>{@code
 * <Resource name="jms/cf" type="io.warren.jms.WarrenConnectionFactory"
 *           factory="io.warren.jndi.WarrenObjectFactory" url="vm://local" clientID="orders-app"/>
 * <Resource name="jms/orders" type="jakarta.jms.Queue"
 *           factory="io.warren.jndi.WarrenObjectFactory" physicalName="orders"/>
 * }</pre>
 * The reference's class name says what to build: {@link WarrenConnectionFactory} or a {@code jakarta.jms}
 * connection factory interface — {@link WarrenXAConnectionFactory} for the XA ones — (attributes {@code url},
 * {@code clientID}, {@code prefetch}, {@code trustedPackages}, {@code user}, {@code password},
 * {@code enableSharedClientID}); {@link WarrenQueue}/{@link Queue} or {@link WarrenTopic}/{@link Topic}
 * (attribute {@code physicalName}, or {@code name}, or {@code uri}); any other Warren destination class or
 * {@link Destination} (attribute {@code uri}: {@code queue://NAME}, {@code topic://NAME}). For any other class
 * name it returns null, which JNDI takes as "not mine". An attribute it does not know, or a bad value, fails
 * with a {@link NamingException} naming the attribute; the attributes a container adds itself
 * ({@code description}, {@code scope}, {@code auth}, {@code singleton}, {@code factory}) are ignored.
 */
public class WarrenObjectFactory implements ObjectFactory {
    static final String URL = WarrenConnectionFactory.REFERENCE_URL;
    static final String CLIENT_ID = "clientID";
    static final String PREFETCH = "prefetch";
    static final String TRUSTED_PACKAGES = "trustedPackages";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String SHARED_CLIENT_ID = ClientOptions.SHARED_CLIENT_ID;
    static final String URI = WarrenDestination.REFERENCE_ADDRESS;
    static final String PHYSICAL_NAME = "physicalName";
    static final String NAME = "name";

    private static final List<String> FACTORY_ATTRIBUTES =
            List.of(URL, CLIENT_ID, PREFETCH, TRUSTED_PACKAGES, USER, PASSWORD, SHARED_CLIENT_ID);
    private static final List<String> DESTINATION_ATTRIBUTES = List.of(PHYSICAL_NAME, NAME, URI);
    /** Attributes Tomcat's ResourceRef carries for the container's own use. */
    private static final Set<String> CONTAINER_ATTRIBUTES = Set.of("description", "scope", "auth", "singleton",
            "factory");
    private static final Map<String, Class<?>> TYPES = Stream.of(
                    WarrenConnectionFactory.class, ConnectionFactory.class, QueueConnectionFactory.class,
                    TopicConnectionFactory.class, WarrenXAConnectionFactory.class, XAConnectionFactory.class,
                    XAQueueConnectionFactory.class, XATopicConnectionFactory.class, WarrenDestination.class,
                    Destination.class, WarrenQueue.class,
                    Queue.class, WarrenTopic.class, Topic.class, WarrenTemporaryQueue.class,
                    WarrenTemporaryTopic.class)
            .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

    /** Public no-argument constructor, as {@link javax.naming.spi.NamingManager} requires. */
    public WarrenObjectFactory() {
    }

    /**
     * Builds the object a reference describes.
     *
     * @return the connection factory or destination, or null when {@code obj} is not a reference to one
     * @throws NamingException when the reference is to a Warren object but an attribute is unknown or malformed
     */
    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment)
            throws NamingException {
        if (!(obj instanceof Reference ref)) {
            return null;
        }
        Class<?> type = TYPES.get(ref.getClassName());
        if (type == null) {
            return null;
        }
        Resource resource = new Resource(ref, name);
        return ConnectionFactory.class.isAssignableFrom(type) || XAConnectionFactory.class.isAssignableFrom(type)
                ? connectionFactory(resource, XAConnectionFactory.class.isAssignableFrom(type))
                : destination(resource, type);
    }

    private static WarrenConnectionFactory connectionFactory(Resource r, boolean xa) throws NamingException {
        Map<String, String> attrs = r.attributes(FACTORY_ATTRIBUTES);
        String url = attrs.getOrDefault(URL, WarrenConnectionFactory.DEFAULT_URL);
        WarrenConnectionFactory cf;
        try {
            cf = xa ? new WarrenXAConnectionFactory(url) : new WarrenConnectionFactory(url);
        } catch (IllegalArgumentException e) {
            throw r.invalid(URL, url, e.getMessage(), e);
        }
        if (attrs.containsKey(CLIENT_ID)) {
            cf.setClientID(r.nonBlank(CLIENT_ID, attrs.get(CLIENT_ID)));
        }
        if (attrs.containsKey(PREFETCH)) {
            cf.setPrefetch(r.positiveInt(PREFETCH, attrs.get(PREFETCH)));
        }
        if (attrs.containsKey(TRUSTED_PACKAGES)) {
            String packages = attrs.get(TRUSTED_PACKAGES).trim();
            cf.setTrustedPackages(packages.isEmpty() ? List.of() : Arrays.asList(packages.split("\\s*,\\s*")));
        }
        if (attrs.containsKey(USER)) {
            cf.setUser(r.nonBlank(USER, attrs.get(USER)));
        }
        if (attrs.containsKey(PASSWORD)) {
            cf.setPassword(attrs.get(PASSWORD));
        }
        if (attrs.containsKey(SHARED_CLIENT_ID)) {
            cf.setEnableSharedClientID(r.bool(SHARED_CLIENT_ID, attrs.get(SHARED_CLIENT_ID)));
        }
        return cf;
    }

    private static WarrenDestination destination(Resource r, Class<?> type) throws NamingException {
        Map<String, String> attrs = r.attributes(DESTINATION_ATTRIBUTES);
        WarrenDestination destination;
        if (attrs.containsKey(URI)) {
            try {
                destination = checked(WarrenDestination.fromUri(attrs.get(URI)));
            } catch (InvalidDestinationException e) {
                throw r.invalid(URI, attrs.get(URI), e.getMessage(), e);
            }
        } else {
            String attr = attrs.containsKey(PHYSICAL_NAME) ? PHYSICAL_NAME : NAME;
            String physical = attrs.get(attr);
            if (physical == null || physical.isBlank()) {
                throw new NamingException(r.describe() + " needs a non-empty " + PHYSICAL_NAME + " (or "
                        + NAME + ") attribute naming the broker queue or topic");
            }
            JndiDestinations create;
            if (type == Queue.class || type == WarrenQueue.class) {
                create = JndiDestinations.QUEUE;
            } else if (type == Topic.class || type == WarrenTopic.class) {
                create = JndiDestinations.TOPIC;
            } else {
                throw new NamingException(r.describe() + " needs a " + URI + " attribute (queue://NAME or"
                        + " topic://NAME): its type does not say whether " + attr + " '" + physical
                        + "' is a queue or a topic");
            }
            try {
                destination = create.make(physical);
            } catch (InvalidDestinationException | IllegalArgumentException e) {
                throw r.invalid(attr, physical, e.getMessage(), e);
            }
        }
        if (!type.isInstance(destination)) {
            throw r.invalid(URI, attrs.get(URI), "a " + destination.getClass().getSimpleName() + " is not a "
                    + type.getName(), null);
        }
        return destination;
    }

    /**
     * The destination a {@code uri} attribute names, its name checked as {@code createQueue} and
     * {@code createTopic} check it; temporary destinations, which only come from Warren's own references, as they
     * are.
     */
    private static WarrenDestination checked(WarrenDestination d) throws InvalidDestinationException {
        if (d.isTemporary()) {
            return d;
        }
        return d.isQueue() ? JndiDestinations.QUEUE.make(d.name()) : JndiDestinations.TOPIC.make(d.name());
    }

    /** A reference being resolved and the name it is bound at, for messages that say which one failed. */
    private record Resource(Reference ref, Name name) {

        /** The reference's string attributes; one outside {@code supported} fails. */
        Map<String, String> attributes(List<String> supported) throws NamingException {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (RefAddr addr : Collections.list(ref.getAll())) {
                String attr = addr.getType();
                if (CONTAINER_ATTRIBUTES.contains(attr)) {
                    continue;
                }
                if (!supported.contains(attr)) {
                    throw new NamingException("unknown attribute '" + attr + "' on " + describe()
                            + ": supported attributes are " + supported);
                }
                if (!(addr.getContent() instanceof String value)) {
                    throw new NamingException("attribute " + attr + " of " + describe() + " must be a string");
                }
                attrs.putIfAbsent(attr, value);
            }
            return attrs;
        }

        String nonBlank(String attr, String value) throws NamingException {
            if (value.isBlank()) {
                throw invalid(attr, value, "must not be empty", null);
            }
            return value;
        }

        int positiveInt(String attr, String value) throws NamingException {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below with the same message as a non-positive number
            }
            throw invalid(attr, value, "must be a positive integer", null);
        }

        boolean bool(String attr, String value) throws NamingException {
            String v = value.trim();
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
            throw invalid(attr, value, "must be true or false", null);
        }

        NamingException invalid(String attr, String value, String problem, Exception cause) {
            String shown = attr.toLowerCase(java.util.Locale.ROOT).contains("password") ? "***"
                    : ConnectionUrl.redact(value);
            NamingException e = new NamingException("invalid attribute " + attr + "=\"" + shown + "\" on "
                    + describe() + ": " + problem);
            e.setRootCause(cause);
            return e;
        }

        String describe() {
            return "JNDI resource " + (name != null ? "'" + name + "' " : "") + "of type " + ref.getClassName();
        }
    }
}
