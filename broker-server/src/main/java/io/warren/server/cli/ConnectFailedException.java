package io.warren.server.cli;

import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;

/**
 * No HTTP answer came from the management API: connection refused, unknown host, TLS failure, time-out, or a
 * peer that does not speak HTTP. {@link WarrenCtl} prints the URL and {@link #reason()} on one line and exits with
 * status 3; the stack trace only under {@code --verbose}. Time-outs keep the JDK's words ("HTTP connect timed out",
 * "request timed out").
 */
final class ConnectFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String url;

    ConnectFailedException(String url, Throwable cause) {
        super(url + ": " + describe(cause), cause);
        this.url = url;
    }

    /** The URL the request went to. */
    String url() {
        return url;
    }

    /** Why, in a few words: the first message along the cause chain, since the JDK often wraps one without. */
    String reason() {
        return describe(getCause());
    }

    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                return message;
            }
        }
        // The JDK 17 client reports a refused connection as ConnectException > ClosedChannelException, all
        // without a message; say what the operating system would have said.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "Connection refused";
            }
        }
        return failure.getClass().getSimpleName();
    }
}
