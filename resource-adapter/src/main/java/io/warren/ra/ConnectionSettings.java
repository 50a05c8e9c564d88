package io.warren.ra;

import io.warren.jms.url.ConnectionUrl;
import java.io.Serializable;
import java.util.Objects;

/**
 * Where and as whom the adapter connects: a Warren connection URL (such as {@code vm://local} or
 * {@code amqp://host:5672}) and optional credentials. The resource adapter holds the defaults; a managed connection
 * factory or an activation spec may override each value. Immutable; {@link #toString()} never shows the password.
 *
 * @param url      a connection URL that {@link ConnectionUrl#parse(String)} accepts
 * @param user     user name, or null for the URL's (or none)
 * @param password password, or null
 */
public record ConnectionSettings(String url, String user, String password) implements Serializable {
    /** The URL used when nothing is configured: the in-JVM broker called {@code local}. */
    public static final String DEFAULT_URL = "vm://local";

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
    }

    /** These settings with each non-blank argument taking the place of the value here. */
    public ConnectionSettings overriddenBy(String otherUrl, String otherUser, String otherPassword) {
        return new ConnectionSettings(isSet(otherUrl) ? otherUrl : url, isSet(otherUser) ? otherUser : user,
                isSet(otherPassword) ? otherPassword : password);
    }

    /**
     * Checks the URL's syntax.
     *
     * @return null when the URL is well formed, otherwise what is wrong with it
     */
    public String urlProblem() {
        try {
            ConnectionUrl.parse(url);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + ConnectionUrl.redact(url) + ", user=" + user + "]";
    }
}
