package io.warren.server.management.api;

import io.warren.broker.security.Permission;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

    /** By vhost, then user. */
    static final Comparator<PermissionView> ORDER =
            Comparator.comparing(PermissionView::vhost).thenComparing(PermissionView::user);

    /** Every user's permissions, by vhost then user. */
    static List<PermissionView> all(UserStore users) {
        List<PermissionView> all = new ArrayList<>();
        for (User user : users.users()) {
            all.addAll(of(users, user.name()));
        }
        all.sort(ORDER);
        return all;
    }

    /** The permissions of {@code user}; none if it was deleted meanwhile. */
    static List<PermissionView> of(UserStore users, String user) {
        Map<String, Permission> byVhost;
        try {
            byVhost = users.permissions(user);
        } catch (IllegalArgumentException e) {
            return List.of(); // deleted while listing
        }
        return byVhost.values().stream().map(p -> of(user, p)).toList();
    }

    static PermissionView of(String user, Permission permission) {
        return new PermissionView(user, permission.vhost(), permission.configure(), permission.write(),
                permission.read());
    }
}
