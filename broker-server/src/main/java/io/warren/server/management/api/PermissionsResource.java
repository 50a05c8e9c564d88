package io.warren.server.management.api;

import io.warren.broker.security.Permission;
import io.warren.broker.security.UserStore;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.JsonBody;
import io.warren.server.management.http.Routes;
import java.util.Map;

/**
 * {@code /api/permissions}, {@code /api/permissions/{vhost}/{user}} and {@code /api/users/{user}/permissions}:
 * the configure, write and read expressions of users in vhosts. Administrators only. A PUT body needs all
 * three expressions as strings; an invalid regular expression is a 400 naming which one. The user and the
 * vhost must exist (404). Setting answers 201 when the user had no permissions there, 204 when they were
 * replaced. Changes apply to the next AMQP operation of every connection.
 */
final class PermissionsResource implements ApiResource {
    private final UserStore users;
    private final VhostAccess vhosts;

    PermissionsResource(ManagementContext context) {
        this.users = context.users();
        this.vhosts = new VhostAccess(context);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/permissions", Access.ADMINISTRATOR, this::list)
                .get("/api/users/{user}/permissions", Access.ADMINISTRATOR, this::ofUser)
                .get("/api/permissions/{vhost}/{user}", Access.ADMINISTRATOR, this::show)
                .put("/api/permissions/{vhost}/{user}", Access.ADMINISTRATOR, this::put)
                .delete("/api/permissions/{vhost}/{user}", Access.ADMINISTRATOR, this::delete);
    }

    private ApiResponse list(ApiRequest request) {
        return ApiResponse.ok(PermissionView.all(users));
    }

    private ApiResponse ofUser(ApiRequest request) {
        String user = request.param("user");
        UsersResource.existing(users, user);
        return ApiResponse.ok(PermissionView.of(users, user).stream().sorted(PermissionView.ORDER).toList());
    }

    private ApiResponse show(ApiRequest request) {
        String vhost = request.param("vhost");
        String user = request.param("user");
        return ApiResponse.ok(PermissionView.of(user, existing(vhost, user)));
    }

    private ApiResponse put(ApiRequest request) {
        String vhost = request.param("vhost");
        String user = request.param("user");
        JsonBody body = request.json();
        String configure = body.requiredString("configure");
        String write = body.requiredString("write");
        String read = body.requiredString("read");
        vhosts.existing(vhost);
        boolean replaced = permissionsOf(user).containsKey(vhost);
        try {
            users.setPermissions(user, vhost, configure, write, read);
        } catch (IllegalArgumentException e) {
            // An invalid expression (the message names which), or the user deleted meanwhile.
            throw ApiException.badRequest(e.getMessage());
        }
        return replaced ? ApiResponse.noContent() : ApiResponse.created();
    }

    private ApiResponse delete(ApiRequest request) {
        String vhost = request.param("vhost");
        String user = request.param("user");
        existing(vhost, user);
        try {
            users.clearPermissions(user, vhost);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("user '" + user + "' not found");
        }
        return ApiResponse.noContent();
    }

    private Permission existing(String vhost, String user) {
        vhosts.existing(vhost);
        Permission permission = permissionsOf(user).get(vhost);
        if (permission == null) {
            throw ApiException.notFound("user '" + user + "' has no permissions in vhost '" + vhost + "'");
        }
        return permission;
    }

    private Map<String, Permission> permissionsOf(String user) {
        try {
            return users.permissions(user);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("user '" + user + "' not found");
        }
    }
}
