package io.warren.server.config;

import io.warren.broker.security.Permission;
import java.util.Objects;

/**
 * A {@code permissions.USER.VHOST = <configure> <write> <read>} line, or the default user's
 * {@code default_permissions.*} on {@code default_vhost}. Immutable.
 *
 * @param user       the user granted the permission
 * @param permission the vhost and the three expressions
 */
public record PermissionGrant(String user, Permission permission) {

    public PermissionGrant {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(permission, "permission");
    }
}
