package io.warren.server.management.api;

import io.warren.server.management.http.Routes;

/**
 * A family of API endpoints, such as everything under {@code /api/users}. {@link #register} is called once,
 * before the server accepts requests, and adds the family's routes; the handlers then run on the management
 * executor, concurrently, so an implementation keeps no mutable state of its own.
 *
 * <pre>{@code
 * final class QueuesResource implements ApiResource {
 *     public void register(Routes routes) {
 *         routes.get("/api/queues/{vhost}/{name}", Access.MANAGEMENT, this::show);
 *     }
 *     private ApiResponse show(ApiRequest request) { ... }
 * }
 * }</pre>
 */
public interface ApiResource {

    /** Adds this family's routes to {@code routes}. */
    void register(Routes routes);
}
