package io.warren.server.management.api;

import io.warren.server.management.http.Routes;
import java.util.List;

/**
 * Every resource family of the management API, and the routing table they make. A new family is a new
 * {@link ApiResource} class added to {@link #all}. Stateless.
 */
public final class ApiResources {

    private ApiResources() {
    }

    /** The routes of every family, answering from {@code context}. */
    public static Routes routes(ManagementContext context) {
        Routes routes = new Routes();
        for (ApiResource resource : all(context)) {
            resource.register(routes);
        }
        return routes;
    }

    static List<ApiResource> all(ManagementContext context) {
        return List.of(
                new OverviewResource(context),
                new WhoAmIResource(),
                new UsersResource(context),
                new PermissionsResource(context),
                new VhostsResource(context),
                new HealthResource(context),
                new ConnectionsResource(context),
                new ConsumersResource(context),
                new QueuesResource(context),
                new QueueMessagesResource(context),
                new ExchangesResource(context),
                new ExchangePublishResource(context),
                new BindingsResource(context),
                new DefinitionsResource(context));
    }
}
