package io.warren.broker.security;

import java.util.Objects;

/**
 * A user's permissions in one vhost, as RabbitMQ's {@code set_permissions} takes them: three regular
 * expressions (Java {@link java.util.regex.Pattern} syntax) over resource names. A name is allowed when the
 * expression is found anywhere in it ({@link java.util.regex.Matcher#find()}, unanchored, as RabbitMQ's
 * {@code re:run}), so {@code "^amq\\.gen-"} must be anchored to mean "starts with". The empty expression
 * allows nothing; {@code ".*"} allows everything.
 *
 * <p>This record only holds the text; {@link UserStore#setPermissions} validates and compiles it once.
 * Immutable.
 *
 * @param vhost the virtual host the permissions apply to
 * @param configure which resources the user may declare, delete and change
 * @param write which resources the user may publish or bind to
 * @param read which resources the user may consume from, purge or bind from
 */
public record Permission(String vhost, String configure, String write, String read) {

    /** @throws NullPointerException if an argument is null */
    public Permission {
        Objects.requireNonNull(vhost, "vhost");
        Objects.requireNonNull(configure, "configure");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(read, "read");
    }

    /** The expression for {@code kind}. */
    public String regex(PermissionKind kind) {
        return switch (kind) {
            case CONFIGURE -> configure;
            case WRITE -> write;
            case READ -> read;
        };
    }
}
