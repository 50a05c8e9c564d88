package io.warren.server.management.api;

import io.warren.broker.VirtualHost;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.User;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;
import io.warren.server.management.stats.RateSampler;
import java.util.List;

/**
 * {@code /api/queues}: list the queues of the vhosts a user may see ({@link VhostAccess}), show one with its
 * consumers, declare ({@code PUT}, see {@link QueueDeclaration}; 201 when created, 204 when it existed as
 * declared, 409 with the engine's reason when it exists otherwise), delete ({@code ?if-empty=true}, {@code
 * ?if-unused=true}; 409 when the condition fails), purge ({@code DELETE .../contents}) and list a queue's
 * bindings. Declaring and deleting need configure permission on the queue, purging needs read, as over AMQP;
 * another connection's exclusive queue cannot be changed (409 {@code resource_locked}). A missing vhost or
 * queue is a 404 naming it. Reading and writing go straight to the engine; thread-safe.
 */
final class QueuesResource implements ApiResource {
    private final VhostAccess vhosts;
    private final AccessControl access;
    private final RateSampler rates;

    QueuesResource(ManagementContext context) {
        this.vhosts = new VhostAccess(context);
        this.access = context.accessControl();
        this.rates = context.rates();
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/queues", Access.MANAGEMENT, this::listAll)
                .get("/api/queues/{vhost}", Access.MANAGEMENT, this::listVhost)
                .get("/api/queues/{vhost}/{name}", Access.MANAGEMENT, this::show)
                .put("/api/queues/{vhost}/{name}", Access.MANAGEMENT, this::declare)
                .delete("/api/queues/{vhost}/{name}", Access.MANAGEMENT, this::delete)
                .delete("/api/queues/{vhost}/{name}/contents", Access.MANAGEMENT, this::purge)
                .get("/api/queues/{vhost}/{name}/bindings", Access.MANAGEMENT, this::bindings);
    }

    private ApiResponse listAll(ApiRequest request) {
        return ApiResponse.ok(vhosts.collect(request.user(), this::viewsOf));
    }

    private ApiResponse listVhost(ApiRequest request) {
        return ApiResponse.ok(viewsOf(vhosts.require(request.user(), request.param("vhost"))));
    }

    private List<QueueView> viewsOf(VirtualHost vhost) {
        return vhost.queues().stream()
                .map(q -> QueueView.of(vhost.name(), q, rates.queue(vhost.name(), q.name()), null))
                .toList();
    }

    private ApiResponse show(ApiRequest request) {
        VirtualHost vhost = vhosts.require(request.user(), request.param("vhost"));
        QueueSummary q = existing(vhost, request.param("name"));
        return ApiResponse.ok(QueueView.of(vhost.name(), q, rates.queue(vhost.name(), q.name()),
                ConsumersResource.consumersOf(vhost, q.name())));
    }

    private ApiResponse declare(ApiRequest request) {
        User user = request.user();
        VirtualHost vhost = vhosts.require(user, request.param("vhost"));
        QueueDeclaration declaration = QueueDeclaration.read(request.param("name"), request.jsonOrEmpty());
        declaration.checkAccess(access, user, vhost.name());
        boolean existed = vhost.hasQueue(declaration.name());
        declaration.declare(vhost);
        return existed ? ApiResponse.noContent() : ApiResponse.created();
    }

    private ApiResponse delete(ApiRequest request) {
        User user = request.user();
        VirtualHost vhost = vhosts.require(user, request.param("vhost"));
        String name = existing(vhost, request.param("name")).name();
        access.checkQueueDelete(user, vhost.name(), name);
        vhost.queueDelete(null, name, request.queryFlag("if-unused"), request.queryFlag("if-empty"));
        return ApiResponse.noContent();
    }

    private ApiResponse purge(ApiRequest request) {
        User user = request.user();
        VirtualHost vhost = vhosts.require(user, request.param("vhost"));
        String name = existing(vhost, request.param("name")).name();
        access.checkQueuePurge(user, vhost.name(), name);
        vhost.queuePurge(null, name);
        return ApiResponse.noContent();
    }

    private ApiResponse bindings(ApiRequest request) {
        VirtualHost vhost = vhosts.require(request.user(), request.param("vhost"));
        String name = existing(vhost, request.param("name")).name();
        return ApiResponse.ok(BindingView.all(vhost).stream().filter(b -> b.goesTo(name, true)).toList());
    }

    /**
     * The queue named {@code name} in {@code vhost}.
     *
     * @throws ApiException 404 naming queue and vhost if there is none
     */
    static QueueSummary existing(VirtualHost vhost, String name) {
        return vhost.queue(name).orElseThrow(() -> ApiException.notFound("queue '" + name + "' in vhost '"
                + vhost.name() + "' not found"));
    }
}
