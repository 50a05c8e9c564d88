package io.warren.server.management.api;

import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.JsonBody;
import io.warren.server.management.http.Routes;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/users} and {@code /api/users/{name}}: list, show, create or update, delete users. Administrators
 * only. A PUT body has {@code password} (hashed here) or {@code password_hash} (made by Warren's {@code
 * PasswordHasher}), and {@code tags} as {@code "a,b"} or {@code ["a","b"]}. Creating needs a password or
 * hash and answers 201; updating answers 204 and changes only what the body gives: without {@code tags} the
 * tags stay, without a password the password stays (RabbitMQ would clear them). Changes reach logins and
 * permission checks at once, through the {@link UserStore}.
 */
final class UsersResource implements ApiResource {

    private final UserStore users;

    UsersResource(ManagementContext context) {
        this.users = context.users();
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/users", Access.ADMINISTRATOR, this::list)
                .get("/api/users/{name}", Access.ADMINISTRATOR, this::show)
                .put("/api/users/{name}", Access.ADMINISTRATOR, this::put)
                .delete("/api/users/{name}", Access.ADMINISTRATOR, this::delete);
    }

    private ApiResponse list(ApiRequest request) {
        return ApiResponse.ok(users.users().stream().map(UserView::of).toList());
    }

    private ApiResponse show(ApiRequest request) {
        return ApiResponse.ok(UserView.of(existing(users, request.param("name"))));
    }

    private ApiResponse put(ApiRequest request) {
        String name = request.param("name");
        JsonBody body = request.json();
        Optional<String> password = body.string("password");
        Optional<String> hash = body.string("password_hash");
        Optional<Set<String>> tags = body.stringList("tags").map(Set::copyOf);
        if (password.isPresent() && hash.isPresent()) {
            throw ApiException.badRequest("give either field 'password' or field 'password_hash', not both");
        }
        if (password.isPresent() && password.get().isEmpty()) {
            throw ApiException.badRequest("field 'password' must not be empty: an empty password never logs in");
        }
        try {
            if (users.user(name).isEmpty()) {
                Set<String> initialTags = tags.orElse(Set.of());
                if (password.isPresent()) {
                    users.addUser(name, password.get().toCharArray(), initialTags);
                } else if (hash.isPresent()) {
                    users.addUserWithHash(name, hash.get(), initialTags);
                } else {
                    throw ApiException.badRequest("a new user needs field 'password' or field 'password_hash'");
                }
                return ApiResponse.created();
            }
            // The hash is checked before anything changes, so a bad one leaves the user as it was.
            if (hash.isPresent()) {
                users.changePasswordHash(name, hash.get());
            }
            password.ifPresent(p -> users.changePassword(name, p.toCharArray()));
            tags.ifPresent(t -> users.setTags(name, t));
            return ApiResponse.noContent();
        } catch (IllegalArgumentException e) {
            // The store's reasons name the problem: a malformed hash, or a user created or deleted meanwhile.
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private ApiResponse delete(ApiRequest request) {
        String name = request.param("name");
        existing(users, name);
        try {
            users.deleteUser(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("user '" + name + "' not found");
        }
        return ApiResponse.noContent();
    }

    /**
     * The user named {@code name}.
     *
     * @throws ApiException 404 naming the user if there is none
     */
    static User existing(UserStore users, String name) {
        return users.user(name).orElseThrow(() -> ApiException.notFound("user '" + name + "' not found"));
    }
}
