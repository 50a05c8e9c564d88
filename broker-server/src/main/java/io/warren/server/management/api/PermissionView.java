package io.warren.server.management.api;

import io.warren.server.security.Permission;

/**
 * One user's permissions in one vhost as {@code /api/permissions} shows them: the three regular expressions.
 * Immutable.
 *
 * @param user      the user
 * @param vhost     the vhost
 * @param configure which resources the user may declare and delete
 * @param write     which resources the user may publish or bind to
 * @param read      which resources the user may consume from, purge or bind from
 */
record PermissionView(String user, String vhost, String configure, String write, String read) {

    static PermissionView of(String user, Permission permission) {
        return new PermissionView(user, permission.vhost(), permission.configure(), permission.write(),
                permission.read());
    }
}
