package io.warren.server.config;

import java.util.Optional;

/**
 * Where a listener accepts connections, as {@code listeners.tcp.default} gives it: a port alone
 * ({@code 5672}, all interfaces) or {@code host:port} ({@code 127.0.0.1:5672}, {@code [::1]:5672}). Port 0
 * asks for any free port. Immutable.
 *
 * @param host the interface to bind, or null when the value named only a port
 * @param port 0..65535
 */
public record ListenerAddress(String host, int port) {

    static final String EXPECTED = "expected a port 0..65535 or host:port (e.g. 5672, 127.0.0.1:5672, [::1]:5672)";

    public ListenerAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(EXPECTED + ", got port " + port);
        }
    }

    /** The interface to bind, when the value named one. */
    public Optional<String> explicitHost() {
        return Optional.ofNullable(host);
    }

    static ListenerAddress parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        String host = null;
        String port = value;
        if (colon >= 0) {
            host = value.substring(0, colon).strip();
            port = value.substring(colon + 1).strip();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException(EXPECTED + ", got '" + text + "'");
            }
        }
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException(EXPECTED + ", got '" + text + "'");
        }
        int number = Integer.parseInt(port);
        if (number > 65535) {
            throw new IllegalArgumentException(EXPECTED + ", got '" + text + "'");
        }
        return new ListenerAddress(host, number);
    }
}
