package io.warren.jndi;

import io.warren.jms.WarrenConnectionFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javax.naming.NamingException;

/**
 * Qpid JMS's keys for connection factory properties: {@code property.connectionfactory.NAME.KEY=VALUE} sets KEY
 * on the factory bound at NAME, {@code default.connectionfactory.KEY=VALUE} on every factory the environment binds
 * (NAME's own key wins). Prefixes are matched ignoring case, as Qpid does ({@code property.connectionFactory.}).
 * The keys are Warren's factory settings under their own and Qpid's names: {@code clientID}, {@code user} (or
 * {@code username}), {@code password}, {@code prefetch} (or {@code prefetchPolicy.all}) and
 * {@code trustedPackages}. Any other key, or a NAME that no factory is bound at, fails with a
 * {@link NamingException} naming the key, rather than being ignored.
 */
final class FactoryProperties {
    static final String PROPERTY_PREFIX = "property.connectionfactory.";
    static final String DEFAULT_PREFIX = "default.connectionfactory.";
    /** Warren's setting for each accepted key. */
    private static final Map<String, String> SETTINGS = Map.of("clientID", "clientID", "user", "user",
            "username", "user", "password", "password", "prefetch", "prefetch", "prefetchPolicy.all", "prefetch",
            "trustedPackages", "trustedPackages");
    private static final String SUPPORTED = "clientID, user (or username), password, prefetch (or prefetchPolicy.all)"
            + " and trustedPackages";

    private FactoryProperties() {
    }

    /** Whether {@code key} is one of the keys this class reads. */
    static boolean isPropertyKey(String key) {
        return startsWithIgnoringCase(key, PROPERTY_PREFIX) || startsWithIgnoringCase(key, DEFAULT_PREFIX);
    }

    /** Applies the environment's property keys to the factories among {@code objects}. */
    static void apply(SortedMap<String, Object> env, Map<String, Object> objects) throws NamingException {
        Map<String, WarrenConnectionFactory> factories = new LinkedHashMap<>();
        objects.forEach((name, o) -> {
            if (o instanceof WarrenConnectionFactory f) {
                factories.put(name, f);
            }
        });
        for (Map.Entry<String, Object> e : env.entrySet()) {
            if (startsWithIgnoringCase(e.getKey(), DEFAULT_PREFIX)) {
                String setting = setting(e.getKey(), e.getKey().substring(DEFAULT_PREFIX.length()));
                for (WarrenConnectionFactory f : factories.values()) {
                    set(f, e.getKey(), setting, e.getValue());
                }
            }
        }
        for (Map.Entry<String, Object> e : env.entrySet()) {
            if (startsWithIgnoringCase(e.getKey(), PROPERTY_PREFIX)) {
                String rest = e.getKey().substring(PROPERTY_PREFIX.length());
                String name = factoryName(e.getKey(), rest, factories.keySet());
                set(factories.get(name), e.getKey(), setting(e.getKey(), rest.substring(name.length() + 1)),
                        e.getValue());
            }
        }
    }

    /** The longest factory name that {@code rest} starts with, followed by a dot. */
    private static String factoryName(String key, String rest, Iterable<String> names) throws NamingException {
        String best = null;
        for (String name : names) {
            if (rest.startsWith(name + ".") && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        if (best == null) {
            throw new NamingException("JNDI environment entry " + key + " names no connection factory of this"
                    + " environment: expected " + PROPERTY_PREFIX + "NAME.KEY with NAME one of " + names
                    + " (bind a factory with connectionfactory.NAME=URL)");
        }
        return best;
    }

    private static String setting(String key, String property) throws NamingException {
        String setting = SETTINGS.get(property);
        if (setting == null) {
            String hint = property.equals("remoteURI") ? ": give the URL as connectionfactory.NAME=URL"
                    : ": other settings go in the connection URL's options";
            throw new NamingException("JNDI environment entry " + key + " sets '" + property + "', which Warren's"
                    + " connection factories do not have; supported are " + SUPPORTED + hint);
        }
        return setting;
    }

    private static void set(WarrenConnectionFactory f, String key, String setting, Object raw) throws NamingException {
        if (!(raw instanceof String value) || value.isBlank()) {
            throw new NamingException("JNDI environment entry " + key + " must be a non-empty String");
        }
        String v = value.strip();
        switch (setting) {
            case "clientID" -> f.setClientID(v);
            case "user" -> f.setUser(v);
            case "password" -> f.setPassword(value);
            case "prefetch" -> f.setPrefetch(positive(key, v));
            default -> f.setTrustedPackages(packages(key, v));
        }
    }

    private static int positive(String key, String v) throws NamingException {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new NamingException("JNDI environment entry " + key + "=" + v + " must be a whole number of at"
                + " least 1 (a consumer holds up to that many messages ahead of the application)");
    }

    private static List<String> packages(String key, String v) throws NamingException {
        List<String> packages = Arrays.asList(v.split("\\s*,\\s*", -1));
        if (packages.stream().anyMatch(String::isBlank)) {
            throw new NamingException("JNDI environment entry " + key + "=" + v + " has an empty package name:"
                    + " expected a.b,c.d");
        }
        return packages;
    }

    private static boolean startsWithIgnoringCase(String key, String prefix) {
        return key.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
