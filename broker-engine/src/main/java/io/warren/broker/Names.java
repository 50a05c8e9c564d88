package io.warren.broker;

import java.nio.charset.StandardCharsets;

/** Validation of exchange and queue names: at most 255 UTF-8 bytes, no control characters. */
final class Names {
    static final String RESERVED_PREFIX = "amq.";

    private Names() {
    }

    static void check(String kind, String name) {
        if (name == null) {
            throw BrokerException.invalidArgument(kind + " name must not be null");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw BrokerException.invalidArgument(kind + " name '" + name.substring(0, 40)
                    + "...' is longer than 255 bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw BrokerException.invalidArgument(kind + " name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character at position " + i);
            }
        }
    }

    static boolean isReserved(String name) {
        return name.startsWith(RESERVED_PREFIX);
    }
}
