package io.warren.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes as RabbitMQ writes them, for every place a person gives Warren a size (the server's
 * {@code warren.conf}, {@code vm://} URL options): a whole number of bytes, optionally followed by a unit.
 * {@code k K KiB kiB} are 1024, {@code M MiB} 1024², {@code G GiB} 1024³ (binary); {@code kB KB} are 1000,
 * {@code MB} 1000², {@code GB} 1000³ (decimal). Stateless; any thread.
 */
public final class ByteSize {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
    private static final long KI = 1024;
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("k", KI), Map.entry("K", KI), Map.entry("KiB", KI), Map.entry("kiB", KI),
            Map.entry("M", KI * KI), Map.entry("MiB", KI * KI),
            Map.entry("G", KI * KI * KI), Map.entry("GiB", KI * KI * KI),
            Map.entry("kB", 1000L), Map.entry("KB", 1000L),
            Map.entry("MB", 1000L * 1000), Map.entry("GB", 1000L * 1000 * 1000));

    /** What a size looks like, for messages. */
    public static final String EXPECTED = "expected bytes, optionally with a unit (e.g. 536870912, 512MiB, 512MB, 2GB)";

    private ByteSize() {
    }

    /**
     * The number of bytes {@code text} means.
     *
     * @throws IllegalArgumentException saying what was expected and what was given, or that the size is too large
     *                                  for a {@code long}; the caller adds which setting it was
     */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        Long unit = m.matches() ? UNITS.get(m.group(2)) : null;
        if (unit == null) {
            throw new IllegalArgumentException(EXPECTED + ", got '" + text + "'");
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
        }
    }
}
