package io.warren.jms.message;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which classes an {@link jakarta.jms.ObjectMessage} received from the broker may deserialise into. Deserialising
 * arbitrary classes lets whoever can send a message run code in the receiver, so only classes in trusted packages
 * (and arrays of them, and arrays of primitives) are accepted; anything else fails with a
 * {@link jakarta.jms.MessageFormatException} naming the class.
 *
 * <p>An entry trusts a package and its subpackages ({@code com.acme} trusts {@code com.acme.Order} and
 * {@code com.acme.billing.Invoice}) or a single fully qualified class; {@code com.acme.*} means {@code com.acme}.
 * The entry {@code *} trusts every class. The {@linkplain #defaults() defaults} trust {@code java.lang},
 * {@code java.util}, {@code java.time} and {@code java.math}. Its {@link ObjectLimits} bound the depth, size and
 * arrays of every body's object graph, trusted or not. Immutable.
 */
public final class ObjectMessagePolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The name of the connection option that lists trusted packages, comma-separated. */
    public static final String OPTION = "trustedPackages";
    /** The entry that trusts every class. */
    public static final String TRUST_ALL = "*";
    /** The packages trusted by default. */
    public static final List<String> DEFAULT_TRUSTED_PACKAGES = List.of("java.lang", "java.util", "java.time",
            "java.math");

    private static final ObjectMessagePolicy DEFAULTS = new ObjectMessagePolicy(DEFAULT_TRUSTED_PACKAGES,
            ObjectLimits.defaults());
    private static final ObjectMessagePolicy ALL = new ObjectMessagePolicy(List.of(TRUST_ALL), ObjectLimits.defaults());

    private final List<String> trustedPackages;
    private final ObjectLimits limits;
    private final transient boolean trustAll;

    private ObjectMessagePolicy(List<String> normalised, ObjectLimits limits) {
        this.trustedPackages = List.copyOf(normalised);
        this.limits = limits;
        this.trustAll = normalised.contains(TRUST_ALL);
    }

    /** Trusts {@link #DEFAULT_TRUSTED_PACKAGES}. */
    public static ObjectMessagePolicy defaults() {
        return DEFAULTS;
    }

    /** Trusts every class: only for brokers where every sender is trusted. */
    public static ObjectMessagePolicy trustAll() {
        return ALL;
    }

    /** Trusts exactly the given packages or classes (the defaults are not added). */
    public static ObjectMessagePolicy of(Collection<String> trustedPackages) {
        return new ObjectMessagePolicy(normalise(trustedPackages), ObjectLimits.defaults());
    }

    /**
     * The defaults plus {@code packages} (the {@value #OPTION} option as a list); null or empty gives the
     * defaults, and {@code *} among them trusts everything.
     */
    public static ObjectMessagePolicy trusting(Collection<String> packages) {
        if (packages == null || packages.isEmpty()) {
            return DEFAULTS;
        }
        return DEFAULTS.withTrustedPackages(packages.toArray(new String[0]));
    }

    /**
     * The policy for a {@value #OPTION} option value: the defaults plus the comma-separated entries; null or blank
     * gives the defaults, and {@code *} among the entries trusts everything.
     */
    public static ObjectMessagePolicy fromOption(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULTS;
        }
        return DEFAULTS.withTrustedPackages(value.split(","));
    }

    /** This policy plus {@code more} trusted packages or classes. */
    public ObjectMessagePolicy withTrustedPackages(String... more) {
        List<String> all = new ArrayList<>(trustedPackages);
        all.addAll(List.of(more));
        return new ObjectMessagePolicy(normalise(all), limits);
    }

    /** This policy with other limits on the deserialised object graph. */
    public ObjectMessagePolicy withLimits(ObjectLimits limits) {
        return new ObjectMessagePolicy(trustedPackages, Objects.requireNonNull(limits, "limits"));
    }

    /** The limits on the object graph of every body, from the broker or set in this JVM. */
    public ObjectLimits limits() {
        return limits;
    }

    private static List<String> normalise(Collection<String> entries) {
        Set<String> out = new LinkedHashSet<>();
        for (String e : entries) {
            if (e == null) {
                throw new IllegalArgumentException("a trusted package must not be null");
            }
            String p = e.strip();
            if (p.endsWith(".*")) {
                p = p.substring(0, p.length() - 2);
            } else if (p.endsWith(".")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            out.add(p);
        }
        return new ArrayList<>(out);
    }

    /** The trusted packages and classes, as given (normalised). */
    public List<String> trustedPackages() {
        return trustedPackages;
    }

    /** Whether every class is trusted. */
    public boolean trustsAll() {
        return trustAll;
    }

    /** Whether instances of {@code c} may be deserialised: arrays by their component type; primitives always. */
    public boolean isTrusted(Class<?> c) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c.isPrimitive() || isTrusted(c.getName());
    }

    /** Whether the class of this name (not an array descriptor) is in a trusted package. */
    public boolean isTrusted(String className) {
        if (trustAll) {
            return true;
        }
        for (String p : trustedPackages) {
            if (className.startsWith(p)
                    && (className.length() == p.length() || className.charAt(p.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    private Object readResolve() {
        return new ObjectMessagePolicy(normalise(trustedPackages), limits == null ? ObjectLimits.defaults() : limits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectMessagePolicy p && p.trustedPackages.equals(trustedPackages)
                && p.limits.equals(limits);
    }

    @Override
    public int hashCode() {
        return trustedPackages.hashCode() * 31 + limits.hashCode();
    }

    @Override
    public String toString() {
        return "ObjectMessagePolicy" + trustedPackages + "[" + limits.toOption() + "]";
    }
}
