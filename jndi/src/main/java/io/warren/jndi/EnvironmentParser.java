package io.warren.jndi;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.WarrenXAConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import jakarta.jms.InvalidDestinationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.naming.Context;
import javax.naming.NamingException;

/**
 * Turns a JNDI environment into a {@link Namespace}, accepting the key styles of the common JMS providers:
 * <ul>
 *   <li>{@code connectionFactory.NAME=URL} (Artemis) and {@code connectionfactory.NAME=URL} (Qpid JMS), URL being
 *       {@code vm://...}, {@code amqp://...} or {@code amqps://...};</li>
 *   <li>{@code connectionFactoryNames=A,B} with {@code java.naming.provider.url} (ActiveMQ Classic);</li>
 *   <li>{@code queue.NAME=physical} and {@code topic.NAME=physical} (all three), the names checked as
 *       {@code createQueue} and {@code createTopic} check them;</li>
 *   <li>{@code property.connectionfactory.NAME.KEY=VALUE} and {@code default.connectionfactory.KEY=VALUE} (Qpid
 *       JMS), applied to the factories by {@link FactoryProperties}.</li>
 * </ul>
 * Keys it does not know are left alone: the environment also carries the JNDI standard properties and
 * whatever else the application put there. A malformed entry fails with a message naming its key.
 */
final class EnvironmentParser {
    static final String ARTEMIS_FACTORY_PREFIX = "connectionFactory.";
    static final String QPID_FACTORY_PREFIX = "connectionfactory.";
    static final String QUEUE_PREFIX = "queue.";
    static final String TOPIC_PREFIX = "topic.";
    static final String FACTORY_NAMES = "connectionFactoryNames";
    static final String XA_FACTORY = "XAConnectionFactory";
    /** The names ActiveMQ Classic binds when {@code connectionFactoryNames} is absent. */
    static final List<String> DEFAULT_FACTORY_NAMES =
            List.of("ConnectionFactory", XA_FACTORY, "QueueConnectionFactory", "TopicConnectionFactory");

    private final Map<String, Object> objects = new LinkedHashMap<>();
    private final Map<String, String> keyOfName = new HashMap<>();
    private final Map<String, String> unbound = new LinkedHashMap<>();

    private EnvironmentParser() {
    }

    /** Reads the environment; a malformed entry fails with a {@link NamingException} naming its key. */
    static Namespace parse(Hashtable<?, ?> environment) throws NamingException {
        EnvironmentParser parser = new EnvironmentParser();
        SortedMap<String, Object> entries = stringEntries(environment);
        parser.read(entries);
        FactoryProperties.apply(entries, parser.objects);
        return new Namespace(parser.objects, parser.unbound);
    }

    private void read(SortedMap<String, Object> env) throws NamingException {
        boolean namedFactories = false;
        for (Map.Entry<String, Object> e : env.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(ARTEMIS_FACTORY_PREFIX) || key.startsWith(QPID_FACTORY_PREFIX)) {
                bind(key, nameAfterPrefix(key), factory(key, value(key, e.getValue())));
                namedFactories = true;
            } else if (key.startsWith(QUEUE_PREFIX)) {
                bind(key, nameAfterPrefix(key), destination(key, value(key, e.getValue()), JndiDestinations.QUEUE));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                bind(key, nameAfterPrefix(key), destination(key, value(key, e.getValue()), JndiDestinations.TOPIC));
            }
        }
        Object providerUrl = env.get(Context.PROVIDER_URL);
        Object names = env.get(FACTORY_NAMES);
        // ActiveMQ binds its default factories unless told otherwise; Artemis binds none. Skipping them only
        // when the application named its factories the Artemis/Qpid way keeps both kinds of file working.
        if (namedFactories && providerUrl == null && names == null) {
            return;
        }
        String urlKey = providerUrl != null ? Context.PROVIDER_URL : FACTORY_NAMES;
        String url = providerUrl != null
                ? value(Context.PROVIDER_URL, providerUrl)
                : WarrenConnectionFactory.DEFAULT_URL;
        List<String> factoryNames = names != null ? nameList(value(FACTORY_NAMES, names)) : DEFAULT_FACTORY_NAMES;
        for (String name : factoryNames) {
            boolean xa = name.equals(XA_FACTORY);
            if (names != null) {
                bind(FACTORY_NAMES, name, factory(urlKey, url, xa));
            } else if (!objects.containsKey(name)) {
                bind(urlKey, name, factory(urlKey, url, xa));
            }
        }
    }

    private void bind(String key, String name, Object object) throws NamingException {
        String previous = keyOfName.putIfAbsent(name, key);
        if (previous != null) {
            throw new NamingException("JNDI name '" + name + "' is configured twice, by " + previous + " and by "
                    + key + ": remove one of them");
        }
        objects.put(name, object);
    }

    private static SortedMap<String, Object> stringEntries(Hashtable<?, ?> environment) {
        SortedMap<String, Object> entries = new TreeMap<>();
        if (environment != null) {
            environment.forEach((k, v) -> {
                if (k instanceof String s) {
                    entries.put(s, v);
                }
            });
        }
        return entries;
    }

    private static String value(String key, Object value) throws NamingException {
        if (!(value instanceof String s)) {
            throw new NamingException("JNDI environment entry " + key + " must be a String, was "
                    + value.getClass().getName());
        }
        if (s.isBlank()) {
            throw new NamingException("JNDI environment entry " + key + " is empty");
        }
        return s.trim();
    }

    private static String nameAfterPrefix(String key) throws NamingException {
        String name = key.substring(key.indexOf('.') + 1);
        if (name.isBlank()) {
            throw new NamingException("JNDI environment entry " + key + " has no name after '"
                    + key.substring(0, key.indexOf('.') + 1) + "'");
        }
        return name;
    }

    private static List<String> nameList(String value) throws NamingException {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            if (name.isBlank()) {
                throw new NamingException("JNDI environment entry " + FACTORY_NAMES + "=" + value
                        + " has an empty name: expected NAME[,NAME...]");
            }
            names.add(name.trim());
        }
        return names;
    }

    /**
     * A factory for {@code url}. Artemis's {@code type} URL parameter ({@code CF}, {@code QUEUE_CF},
     * {@code TOPIC_CF}, {@code XA_CF}, {@code QUEUE_XA_CF}, {@code TOPIC_XA_CF}) chooses between a plain and an XA
     * factory and is taken off the URL; {@code xa} asks for an XA factory without it (ActiveMQ's
     * {@code XAConnectionFactory} name).
     */
    private static WarrenConnectionFactory factory(String key, String url, boolean xa) throws NamingException {
        FactoryType type = FactoryType.of(key, url);
        try {
            return xa || type.xa() ? new WarrenXAConnectionFactory(type.url()) : new WarrenConnectionFactory(type.url());
        } catch (IllegalArgumentException e) {
            throw invalid(key, url, e.getMessage(), e);
        }
    }

    private static WarrenConnectionFactory factory(String key, String url) throws NamingException {
        return factory(key, url, false);
    }

    private static Object destination(String key, String physical, JndiDestinations create)
            throws NamingException {
        try {
            return create.make(physical);
        } catch (InvalidDestinationException | IllegalArgumentException e) {
            throw invalid(key, physical, e.getMessage(), e);
        }
    }

    private static NamingException invalid(String key, String value, String problem, Exception cause) {
        NamingException e = new NamingException("invalid JNDI environment entry " + key + "="
                + ConnectionUrl.redact(value) + ": " + problem);
        e.setRootCause(cause);
        return e;
    }
}
