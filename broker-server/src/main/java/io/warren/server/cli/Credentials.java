package io.warren.server.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user and password sent with every request as HTTP Basic authentication. {@link #toString()} hides the
 * password, so that neither a log line nor an exception message can carry it. Immutable.
 */
record Credentials(String user, String password) {

    Credentials {
        if (user.isEmpty()) {
            throw new UsageException("the user name is empty: give --user=NAME or WARREN_USER");
        }
        if (user.indexOf(':') >= 0) {
            throw new UsageException("user '" + user + "': HTTP Basic authentication cannot carry a ':' in a "
                    + "user name");
        }
    }

    /** The value of the {@code Authorization} header. */
    String authorization() {
        byte[] token = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(token);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=(hidden)]";
    }
}
