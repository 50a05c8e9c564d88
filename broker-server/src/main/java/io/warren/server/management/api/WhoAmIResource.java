package io.warren.server.management.api;

import io.warren.broker.security.User;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;
import java.util.List;

/** {@code GET /api/whoami}: the authenticated user and its tags, which the console uses to choose its tabs. */
final class WhoAmIResource implements ApiResource {

    /** The JSON of {@code /api/whoami}. */
    record WhoAmI(String name, List<String> tags) {
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/whoami", Access.MANAGEMENT, this::show);
    }

    private ApiResponse show(ApiRequest request) {
        User user = request.user();
        return ApiResponse.ok(new WhoAmI(user.name(), user.tags().stream().sorted().toList()));
    }
}
