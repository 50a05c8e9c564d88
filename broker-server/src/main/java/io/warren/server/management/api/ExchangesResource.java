package io.warren.server.management.api;

import io.warren.broker.VirtualHost;
import io.warren.broker.management.ExchangeInfo;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.User;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;
import java.util.List;

/**
 * {@code /api/exchanges}: list the exchanges of the vhosts a user may see ({@link VhostAccess}), show one,
 * declare ({@code PUT}, see {@link ExchangeDeclaration}; 201 when created, 204 when it existed as declared, 409
 * with the engine's reason when it exists otherwise), delete ({@code ?if-unused=true}; 409 while it has
 * bindings) and list the bindings it is the source or the destination of. The default exchange is {@code
 * amq.default} in paths (see {@link ExchangeView}); it and the other {@code amq.*} exchanges belong to the
 * broker and cannot be declared or deleted (403). Declaring and deleting need configure permission on the
 * exchange, as over AMQP. A missing vhost or exchange is a 404 naming it. Thread-safe.
 */
final class ExchangesResource implements ApiResource {
    private final VhostAccess vhosts;
    private final AccessControl access;

    ExchangesResource(ManagementContext context) {
        this.vhosts = new VhostAccess(context);
        this.access = context.accessControl();
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/exchanges", Access.MANAGEMENT, this::listAll)
                .get("/api/exchanges/{vhost}", Access.MANAGEMENT, this::listVhost)
                .get("/api/exchanges/{vhost}/{name}", Access.MANAGEMENT, this::show)
                .put("/api/exchanges/{vhost}/{name}", Access.MANAGEMENT, this::declare)
                .delete("/api/exchanges/{vhost}/{name}", Access.MANAGEMENT, this::delete)
                .get("/api/exchanges/{vhost}/{name}/bindings/source", Access.MANAGEMENT, this::asSource)
                .get("/api/exchanges/{vhost}/{name}/bindings/destination", Access.MANAGEMENT, this::asDestination);
    }

    private ApiResponse listAll(ApiRequest request) {
        return ApiResponse.ok(vhosts.collect(request.user(), ExchangesResource::viewsOf));
    }

    private ApiResponse listVhost(ApiRequest request) {
        return ApiResponse.ok(viewsOf(vhosts.require(request.user(), request.param("vhost"))));
    }

    private static List<ExchangeView> viewsOf(VirtualHost vhost) {
        return vhost.exchanges().stream().map(e -> ExchangeView.of(vhost.name(), e)).toList();
    }

    private ApiResponse show(ApiRequest request) {
        VirtualHost vhost = vhosts.require(request.user(), request.param("vhost"));
        return ApiResponse.ok(ExchangeView.of(vhost.name(), existing(vhost, request.param("name"))));
    }

    private ApiResponse declare(ApiRequest request) {
        User user = request.user();
        VirtualHost vhost = vhosts.require(user, request.param("vhost"));
        ExchangeDeclaration declaration = ExchangeDeclaration.read(ExchangeView.fromPath(request.param("name")),
                request.json());
        declaration.checkAccess(access, user, vhost.name());
        boolean existed = vhost.hasExchange(declaration.name());
        declaration.declare(vhost);
        return existed ? ApiResponse.noContent() : ApiResponse.created();
    }

    private ApiResponse delete(ApiRequest request) {
        User user = request.user();
        VirtualHost vhost = vhosts.require(user, request.param("vhost"));
        String name = existing(vhost, request.param("name")).name();
        access.checkExchangeDelete(user, vhost.name(), name);
        vhost.exchangeDelete(name, request.queryFlag("if-unused"));
        return ApiResponse.noContent();
    }

    private ApiResponse asSource(ApiRequest request) {
        VirtualHost vhost = vhosts.require(request.user(), request.param("vhost"));
        String name = existing(vhost, request.param("name")).name();
        return ApiResponse.ok(BindingView.all(vhost).stream().filter(b -> b.source().equals(name)).toList());
    }

    private ApiResponse asDestination(ApiRequest request) {
        VirtualHost vhost = vhosts.require(request.user(), request.param("vhost"));
        String name = existing(vhost, request.param("name")).name();
        return ApiResponse.ok(BindingView.all(vhost).stream().filter(b -> b.goesTo(name, false)).toList());
    }

    /**
     * The exchange a path segment names in {@code vhost} ({@code amq.default} is the default exchange).
     *
     * @throws ApiException 404 naming exchange and vhost if there is none
     */
    static ExchangeInfo existing(VirtualHost vhost, String segment) {
        String name = ExchangeView.fromPath(segment);
        return vhost.exchanges().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("exchange '" + segment + "' in vhost '" + vhost.name()
                        + "' not found"));
    }
}
