package io.warren.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * The credentials an application passed to {@code createConnection(user, password)}: the pool only hands a
 * managed connection opened with the same ones. Both null for {@code createConnection()}. Immutable.
 */
public record WarrenConnectionRequestInfo(String user, String password) implements ConnectionRequestInfo {
    /** No credentials from the application: the factory's apply. */
    public static final WarrenConnectionRequestInfo DEFAULT = new WarrenConnectionRequestInfo(null, null);

    @Override
    public String toString() {
        return "WarrenConnectionRequestInfo[user=" + user + "]";
    }
}
