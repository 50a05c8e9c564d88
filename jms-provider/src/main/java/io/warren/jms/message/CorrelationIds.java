package io.warren.jms.message;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * How a {@code byte[]} correlation ID travels in the broker's String correlation ID: as {@code ID:bytes:} followed
 * by the bytes in lower-case hex. Application correlation IDs must not start with {@code ID:} (the prefix is
 * reserved for providers), so the form cannot be confused with one.
 */
final class CorrelationIds {
    static final String BYTES_PREFIX = "ID:bytes:";

    private CorrelationIds() {
    }

    static String fromBytes(byte[] bytes) {
        return bytes == null ? null : BYTES_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** The bytes of a byte[] correlation ID, or the UTF-8 bytes of a String one. */
    static byte[] toBytes(String id) {
        if (id == null) {
            return null;
        }
        if (id.startsWith(BYTES_PREFIX)) {
            try {
                return HexFormat.of().parseHex(id, BYTES_PREFIX.length(), id.length());
            } catch (IllegalArgumentException notHex) {
                // Not our encoding after all: fall through to the plain String form.
            }
        }
        return id.getBytes(StandardCharsets.UTF_8);
    }
}
