package io.warren.server.management.api;

import io.warren.broker.VirtualHost;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.User;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.JsonBody;
import io.warren.server.management.http.Routes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/bindings}: every binding of the vhosts a user may see ({@link BindingView}, the default
 * exchange's implicit ones included), and the bindings from one exchange to one queue ({@code
 * /api/bindings/{vhost}/e/{source}/q/{queue}}) or to one exchange ({@code .../e/{source}/e/{destination}}):
 * list them, add one ({@code POST {"routing_key", "arguments"}}, 201 with a {@code Location} ending in the new
 * binding's {@link PropertiesKey}; binding twice is harmless), show or delete the one its properties key
 * names ({@code .../{props}}). Binding and unbinding need write permission on the destination and read
 * permission on the source, as over AMQP; the default exchange cannot be bound or unbound (403). A missing
 * vhost, exchange, queue or binding is a 404 naming it. Thread-safe.
 */
final class BindingsResource implements ApiResource {
    private static final String UNRESERVED = "-._~";

    private final VhostAccess vhosts;
    private final AccessControl access;

    BindingsResource(ManagementContext context) {
        this.vhosts = new VhostAccess(context);
        this.access = context.accessControl();
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/bindings", Access.MANAGEMENT,
                        r -> ApiResponse.ok(vhosts.collect(r.user(), BindingView::all)))
                .get("/api/bindings/{vhost}", Access.MANAGEMENT,
                        r -> ApiResponse.ok(BindingView.all(vhosts.require(r.user(), r.param("vhost")))));
        for (boolean toQueue : new boolean[] {true, false}) {
            String between = "/api/bindings/{vhost}/e/{source}/" + (toQueue ? "q" : "e") + "/{destination}";
            routes.get(between, Access.MANAGEMENT, r -> ApiResponse.ok(ends(r, toQueue).bindings()))
                    .post(between, Access.MANAGEMENT, r -> bind(r, ends(r, toQueue)))
                    .get(between + "/{props}", Access.MANAGEMENT,
                            r -> ApiResponse.ok(named(ends(r, toQueue), r.param("props"))))
                    .delete(between + "/{props}", Access.MANAGEMENT, r -> unbind(r, ends(r, toQueue)));
        }
    }

    /** The two ends of a {@code .../e/{source}/q|e/{destination}} path, both checked to exist. */
    private record Ends(VirtualHost vhost, String source, String destination, boolean toQueue) {

        List<BindingView> bindings() {
            return BindingView.all(vhost).stream()
                    .filter(b -> b.source().equals(source) && b.goesTo(destination, toQueue))
                    .toList();
        }

        String describe() {
            return "from exchange '" + ExchangeView.describe(source) + "' to " + (toQueue ? "queue" : "exchange")
                    + " '" + destination + "' in vhost '" + vhost.name() + "'";
        }
    }


    private ApiResponse bind(ApiRequest request, Ends ends) {
        JsonBody body = request.jsonOrEmpty();
        String routingKey = body.string("routing_key").orElse("");
        Map<String, Object> arguments = ArgumentTables.read(body, "arguments");
        checkAccess(request.user(), ends);
        VirtualHost vhost = ends.vhost();
        if (ends.toQueue()) {
            vhost.queueBind(null, ends.destination(), ends.source(), routingKey, arguments);
        } else {
            vhost.exchangeBind(ends.destination(), ends.source(), routingKey, arguments);
        }
        return ApiResponse.created().withHeader("Location", request.path().replaceAll("/+$", "") + "/"
                + encode(PropertiesKey.of(routingKey, arguments)));
    }

    private ApiResponse unbind(ApiRequest request, Ends ends) {
        BindingView binding = named(ends, request.param("props"));
        checkAccess(request.user(), ends);
        VirtualHost vhost = ends.vhost();
        if (ends.toQueue()) {
            vhost.queueUnbind(null, ends.destination(), ends.source(), binding.routingKey(), binding.arguments());
        } else {
            vhost.exchangeUnbind(ends.destination(), ends.source(), binding.routingKey(), binding.arguments());
        }
        return ApiResponse.noContent();
    }

    private void checkAccess(User user, Ends ends) {
        String vhost = ends.vhost().name();
        if (ends.toQueue()) {
            access.checkQueueBind(user, vhost, ends.destination(), ends.source());
        } else {
            access.checkExchangeBind(user, vhost, ends.destination(), ends.source());
        }
    }

    private Ends ends(ApiRequest request, boolean toQueue) {
        VirtualHost vhost = vhosts.require(request.user(), request.param("vhost"));
        String source = ExchangesResource.existing(vhost, request.param("source")).name();
        String destination = toQueue ? QueuesResource.existing(vhost, request.param("destination")).name()
                : ExchangesResource.existing(vhost, request.param("destination")).name();
        return new Ends(vhost, source, destination, toQueue);
    }

    private static BindingView named(Ends ends, String propertiesKey) {
        return ends.bindings().stream().filter(b -> b.propertiesKey().equals(propertiesKey)).findFirst()
                .orElseThrow(() -> ApiException.notFound("binding '" + propertiesKey + "' " + ends.describe()
                        + " not found"));
    }

    /** {@code segment} percent-encoded for a path: RFC 3986's unreserved characters stay as they are. */
    private static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || UNRESERVED.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
