package io.warren.broker.security;

import java.util.Objects;
import java.util.Set;

/**
 * A broker user as {@link UserStore} holds it: the name, the encoded password hash (see {@link PasswordHasher}),
 * RabbitMQ-style tags such as {@value #ADMINISTRATOR} that management tools read, and whether the user may
 * connect only from the local machine (RabbitMQ's {@code loopback_users}, which contains {@code guest} by
 * default). Permissions are not part of the user; {@link UserStore#permissions} has them.
 *
 * <p>Immutable and so safe to share between threads; changes in the store produce a new instance.
 * {@link #toString} leaves the password hash out.
 *
 * @param name the user name, never empty
 * @param passwordHash the encoded hash written by {@link PasswordHasher#hash}
 * @param tags the user's tags, unmodifiable
 * @param loopbackOnly whether logins from non-loopback addresses are refused
 */
public record User(String name, String passwordHash, Set<String> tags, boolean loopbackOnly) {

    /** Tag of users that may do everything the management tools offer. */
    public static final String ADMINISTRATOR = "administrator";
    /** Tag of users that may use the management tools for their own vhosts. */
    public static final String MANAGEMENT = "management";
    /** Tag of users that may see, but not change, everything. */
    public static final String MONITORING = "monitoring";

    /**
     * @throws IllegalArgumentException if the name is empty
     * @throws NullPointerException if an argument or tag is null
     */
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("user name must not be empty");
        }
        tags = Set.copyOf(tags);
    }

    /** Whether the user has {@code tag}. */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    User withPasswordHash(String newHash) {
        return new User(name, newHash, tags, loopbackOnly);
    }

    User withTags(Set<String> newTags) {
        return new User(name, passwordHash, newTags, loopbackOnly);
    }

    User withLoopbackOnly(boolean newLoopbackOnly) {
        return new User(name, passwordHash, tags, newLoopbackOnly);
    }

    @Override
    public String toString() {
        return "User[name=" + name + ", tags=" + tags + ", loopbackOnly=" + loopbackOnly + "]";
    }
}
