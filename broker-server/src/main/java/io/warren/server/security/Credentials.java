package io.warren.server.security;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user name and password taken from a SASL response by a {@link SaslMechanism}. The password is a
 * {@code char[]} so the caller can {@link #clear()} it once the login is decided. {@link #toString} hides
 * the password.
 *
 * <p>Not thread-safe in the sense that the array is shared and mutable; it belongs to the connection thread
 * handling the login.
 *
 * @param username the authentication identity, never empty
 * @param password the password, possibly empty
 */
public record Credentials(String username, char[] password) {

    /** @throws NullPointerException if an argument is null */
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Overwrites the password with zeros. */
    public void clear() {
        Arrays.fill(password, '\0');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials other && username.equals(other.username)
                && Arrays.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return 31 * username.hashCode() + Arrays.hashCode(password);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=<hidden>]";
    }
}
