package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.VirtualHost;
import io.warren.broker.security.User;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;

/**
 * {@code /api/vhosts} and {@code /api/vhosts/{vhost}}: the vhosts a user may see with their message counts,
 * and creating one (administrators; the body, if any, must be a JSON object and its fields such as {@code
 * description} are ignored). A new vhost grants nobody permissions, as in RabbitMQ. DELETE (administrators)
 * deletes a vhost with its queues, messages and exchanges and closes its connections; the default vhost
 * {@code /} is refused with 403, since in-JVM clients rely on it.
 */
final class VhostsResource implements ApiResource {

    /** The JSON of one vhost. */
    record VhostView(String name, long messages, long messagesReady, long messagesUnacknowledged,
                     boolean tracing) {

        static VhostView of(VirtualHost vhost) {
            QueueTotals totals = QueueTotals.of(vhost);
            return new VhostView(vhost.name(), totals.messages(), totals.ready(), totals.unacknowledged(), false);
        }
    }

    private final Broker broker;
    private final VhostAccess vhosts;

    VhostsResource(ManagementContext context) {
        this.broker = context.broker();
        this.vhosts = new VhostAccess(context);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/vhosts", Access.MANAGEMENT, this::list)
                .get("/api/vhosts/{vhost}", Access.MANAGEMENT, this::show)
                .put("/api/vhosts/{vhost}", Access.ADMINISTRATOR, this::put)
                .delete("/api/vhosts/{vhost}", Access.ADMINISTRATOR, this::delete);
    }

    private ApiResponse list(ApiRequest request) {
        User user = request.user();
        return ApiResponse.ok(vhosts.visibleTo(user).stream()
                .map(vhosts::existing)
                .map(VhostView::of)
                .toList());
    }

    private ApiResponse show(ApiRequest request) {
        return ApiResponse.ok(VhostView.of(vhosts.require(request.user(), request.param("vhost"))));
    }

    private ApiResponse delete(ApiRequest request) {
        String name = request.param("vhost");
        vhosts.existing(name);
        broker.deleteVirtualHost(name);
        return ApiResponse.noContent();
    }

    private ApiResponse put(ApiRequest request) {
        String name = request.param("vhost");
        request.jsonOrEmpty();
        boolean existed = broker.virtualHostNames().contains(name);
        broker.createVirtualHost(name);
        return existed ? ApiResponse.noContent() : ApiResponse.created();
    }
}
