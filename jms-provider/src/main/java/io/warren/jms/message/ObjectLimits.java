package io.warren.jms.message;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Limits on the object graph an {@link jakarta.jms.ObjectMessage} body may deserialise into, checked by an
 * {@link java.io.ObjectInputFilter} as the graph is read, so a hostile or broken body fails fast with a
 * {@link jakarta.jms.MessageFormatException} naming the limit instead of exhausting the stack, the heap or the CPU.
 * The names are those of the JDK's {@code jdk.serialFilter} patterns:
 * <ul>
 *   <li>{@code maxdepth}: how deeply objects may nest (default {@value #DEFAULT_MAX_DEPTH}, the JDK's RMI registry
 *       limit). It bounds the recursion of deserialisation and defuses "hash bombs": sets nested in sets whose
 *       hashing costs 2<sup>depth</sup>;</li>
 *   <li>{@code maxrefs}: how many objects the graph may hold (default {@value #DEFAULT_MAX_REFS});</li>
 *   <li>{@code maxarray}: the longest array (including the arrays collections allocate when read); by default no
 *       more elements than the body has bytes (plus {@value #ARRAY_SLACK}), since each element takes at least one
 *       byte, so a few bytes cannot make the reader allocate gigabytes; a value given here is a further cap;</li>
 *   <li>{@code maxbytes}: the longest body read (default none: the body is already in memory when it is read).</li>
 * </ul>
 * Given as the connection option {@value #OPTION}, e.g. {@code objectLimits=maxdepth=40,maxrefs=5000000}; keys not
 * given keep their defaults, 0 means no limit. Immutable.
 *
 * @param maxDepth deepest nesting, 0 for none
 * @param maxRefs  most objects, 0 for none
 * @param maxArray longest array on top of the body-length bound, 0 for none
 * @param maxBytes longest body, 0 for none
 */
public record ObjectLimits(long maxDepth, long maxRefs, long maxArray, long maxBytes) implements Serializable {
    /** The name of the connection option that sets the limits. */
    public static final String OPTION = "objectLimits";
    public static final long DEFAULT_MAX_DEPTH = 20;
    public static final long DEFAULT_MAX_REFS = 1_000_000;
    /** Elements an array may have beyond the body's length in bytes (a collection's minimum table, say). */
    static final int ARRAY_SLACK = 64;

    private static final ObjectLimits DEFAULTS = new ObjectLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_REFS, 0, 0);

    public ObjectLimits {
        if (maxDepth < 0 || maxRefs < 0 || maxArray < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("object limits must not be negative: " + describe(maxDepth, maxRefs,
                    maxArray, maxBytes));
        }
    }

    /** Depth {@value #DEFAULT_MAX_DEPTH}, {@value #DEFAULT_MAX_REFS} objects, arrays bound by the body length. */
    public static ObjectLimits defaults() {
        return DEFAULTS;
    }

    /**
     * The limits an {@value #OPTION} value sets: comma-separated {@code key=value} with the keys {@code maxdepth},
     * {@code maxrefs}, {@code maxarray}, {@code maxbytes}; null or blank gives the defaults.
     *
     * @throws IllegalArgumentException naming the entry that is not understood
     */
    public static ObjectLimits fromOption(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULTS;
        }
        Map<String, Long> given = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String e = entry.strip();
            int eq = e.indexOf('=');
            String key = eq < 0 ? e : e.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (eq < 0 || !java.util.Set.of("maxdepth", "maxrefs", "maxarray", "maxbytes").contains(key)) {
                throw new IllegalArgumentException("option " + OPTION + " has '" + e + "': expected maxdepth=N,"
                        + " maxrefs=N, maxarray=N or maxbytes=N, separated by commas");
            }
            try {
                long n = Long.parseLong(e.substring(eq + 1).strip());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                given.put(key, n);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("option " + OPTION + " has '" + e + "': the value must be a"
                        + " non-negative integer (0 for no limit)");
            }
        }
        return new ObjectLimits(given.getOrDefault("maxdepth", DEFAULT_MAX_DEPTH),
                given.getOrDefault("maxrefs", DEFAULT_MAX_REFS), given.getOrDefault("maxarray", 0L),
                given.getOrDefault("maxbytes", 0L));
    }

    /** The option value that gives these limits. */
    public String toOption() {
        return describe(maxDepth, maxRefs, maxArray, maxBytes);
    }

    private static String describe(long maxDepth, long maxRefs, long maxArray, long maxBytes) {
        return "maxdepth=" + maxDepth + ",maxrefs=" + maxRefs + ",maxarray=" + maxArray + ",maxbytes=" + maxBytes;
    }

    /** The longest array a body of {@code bodyLength} bytes may hold. */
    long arrayLimit(int bodyLength) {
        long bound = (long) bodyLength + ARRAY_SLACK;
        return maxArray == 0 ? bound : Math.min(bound, maxArray);
    }
}
