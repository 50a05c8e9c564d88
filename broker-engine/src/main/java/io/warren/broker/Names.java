package io.warren.broker;

import java.nio.charset.StandardCharsets;

/**
 * Validation of names and keys. Exchange, queue and virtual host names, routing keys and binding keys are at most
 * {@value #MAX_BYTES} bytes in UTF-8: AMQP 0-9-1 carries them as short strings, so the same limit holds in the
 * JVM as over the network, and it bounds the words a topic key can have (at most 128), so routing cost per key
 * is bounded too. Names may not contain control characters.
 */
final class Names {
    static final String RESERVED_PREFIX = "amq.";
    /** The longest name or key, in UTF-8 bytes: AMQP 0-9-1's short string. */
    static final int MAX_BYTES = 255;
    /** Keys of at most this many chars are within {@link #MAX_BYTES} whatever they hold (3 bytes per char). */
    private static final int ALWAYS_SHORT_ENOUGH = MAX_BYTES / 3;
    private static final int SHOWN = 40;

    private Names() {
    }

    static void check(String kind, String name) {
        if (name == null) {
            throw BrokerException.invalidArgument(kind + " name must not be null");
        }
        checkLength(kind + " name", name);
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw BrokerException.invalidArgument(kind + " name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character at position " + i);
            }
        }
    }

    /**
     * Fails with {@code INVALID_ARGUMENT} when a routing or binding key is longer than {@value #MAX_BYTES} bytes;
     * null (no key) is fine. {@code kind} is "routing key" or "binding key".
     */
    static void checkKey(String kind, String key) {
        if (key != null && key.length() > ALWAYS_SHORT_ENOUGH) {
            checkLength(kind, key);
        }
    }

    private static void checkLength(String what, String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw BrokerException.invalidArgument(what + " '" + value.substring(0, SHOWN) + "...' is " + bytes
                    + " bytes long; names and keys are limited to " + MAX_BYTES + " bytes in UTF-8 (AMQP 0-9-1's"
                    + " short string): use a shorter one");
        }
    }

    static boolean isReserved(String name) {
        return name.startsWith(RESERVED_PREFIX);
    }
}
