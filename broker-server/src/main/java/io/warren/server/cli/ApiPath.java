package io.warren.server.cli;

import java.nio.charset.StandardCharsets;

/**
 * The path and query of one request, such as {@code /api/queues/%2F/orders?if-empty=true}. Every segment is
 * percent-encoded as UTF-8 except the unreserved characters {@code A-Z a-z 0-9 - . _ ~}, so the virtual host
 * {@code /} is {@code %2F}, a space {@code %20} (never {@code +}) and a connection name such as
 * {@code 127.0.0.1:50000 -> 127.0.0.1:5672} stays one segment. Immutable.
 *
 * @param value the encoded path and query
 */
record ApiPath(String value) {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** {@code /api/} followed by the encoded {@code segments}, separated by {@code /}. */
    static ApiPath of(String... segments) {
        StringBuilder path = new StringBuilder("/api");
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return new ApiPath(path.toString());
    }

    /** This path with the query parameter {@code name=value} added. */
    ApiPath withQuery(String name, String value) {
        return new ApiPath(this.value + (this.value.indexOf('?') < 0 ? '?' : '&') + encode(name) + "="
                + encode(value));
    }

    /** The path segment naming an exchange: the default exchange {@code ""} is {@code amq.default} in paths. */
    static String exchange(String name) {
        return name.isEmpty() ? "amq.default" : name;
    }

    static String encode(String segment) {
        StringBuilder encoded = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
