package io.warren.server.config;

import java.util.Objects;
import java.util.Set;

/**
 * A user the configuration creates: from {@code users.NAME.*} keys, or the default user
 * ({@code default_user}, {@code default_pass}, {@code default_user_tags.*}) when the file declares none.
 * Exactly one of password and hash is set. Immutable; {@link #toString} hides both.
 *
 * @param name         user name
 * @param password     clear-text password, or null
 * @param passwordHash {@code pbkdf2-sha256$...} hash, or null
 * @param tags         tags such as {@code administrator}
 * @param loopbackOnly whether the user may connect only from this machine ({@code loopback_users.NAME})
 */
public record UserDefinition(String name, String password, String passwordHash, Set<String> tags,
                             boolean loopbackOnly) {

    public UserDefinition {
        Objects.requireNonNull(name, "name");
        if ((password == null) == (passwordHash == null)) {
            throw new IllegalArgumentException("user '" + name + "' needs exactly one of password and password_hash");
        }
        tags = Set.copyOf(tags);
    }

    @Override
    public String toString() {
        return "UserDefinition[name=" + name + ", tags=" + tags + ", loopbackOnly=" + loopbackOnly + "]";
    }
}
