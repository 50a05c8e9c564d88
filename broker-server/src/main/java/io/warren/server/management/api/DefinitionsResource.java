package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.security.UserStore;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;

/**
 * {@code /api/definitions} and {@code /api/definitions/{vhost}}: export the broker's users, vhosts,
 * permissions and topology as a {@link Definitions} file ({@link DefinitionsExport}), and import such a file
 * ({@code POST}, 204; {@link DefinitionsImport}: everything is checked first and a bad file changes nothing).
 * The {@code {vhost}} forms export and import one vhost's queues, exchanges and bindings. Administrators only;
 * an import declares on the administrator's behalf without permission checks, as RabbitMQ's does. Thread-safe.
 */
final class DefinitionsResource implements ApiResource {
    private final Broker broker;
    private final UserStore users;
    private final VhostAccess vhosts;

    DefinitionsResource(ManagementContext context) {
        this.broker = context.broker();
        this.users = context.users();
        this.vhosts = new VhostAccess(context);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/definitions", Access.ADMINISTRATOR, this::exportAll)
                .post("/api/definitions", Access.ADMINISTRATOR, this::importAll)
                .get("/api/definitions/{vhost}", Access.ADMINISTRATOR, this::exportVhost)
                .post("/api/definitions/{vhost}", Access.ADMINISTRATOR, this::importVhost);
    }

    private ApiResponse exportAll(ApiRequest request) {
        return ApiResponse.ok(DefinitionsExport.all(broker, users));
    }

    private ApiResponse exportVhost(ApiRequest request) {
        return ApiResponse.ok(DefinitionsExport.of(vhosts.existing(request.param("vhost"))));
    }

    private ApiResponse importAll(ApiRequest request) {
        DefinitionsImport.whole(broker, users).run(request.json());
        return ApiResponse.noContent();
    }

    private ApiResponse importVhost(ApiRequest request) {
        String vhost = vhosts.existing(request.param("vhost")).name();
        DefinitionsImport.intoVhost(broker, users, vhost).run(request.json());
        return ApiResponse.noContent();
    }
}
