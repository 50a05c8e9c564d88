package io.warren.server.management.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The API's routing table: which {@link Handler} answers which method on which path template, and which
 * {@link Access} level it needs. Resources add their routes at start-up:
 *
 * <pre>{@code
 * routes.get("/api/vhosts/{vhost}", Access.MANAGEMENT, this::show)
 *       .put("/api/vhosts/{vhost}", Access.ADMINISTRATOR, this::create)
 *       .unsupported(HttpMethod.DELETE, "/api/vhosts/{vhost}", "deleting a vhost is not supported yet");
 * }</pre>
 *
 * <p>A path that matches no template is a 404; a path whose template lacks the method is a 405 whose {@code
 * Allow} header lists the methods it has (HEAD wherever GET is). An {@link #unsupported} method is a 405 with
 * its own reason. Of several templates matching one path the most specific wins (see {@link PathTemplate}).
 *
 * <p>Filled by one thread before the server starts and only read afterwards; the server's threads start
 * after registration, which publishes the table to them.
 */
public final class Routes {

    /** What a request resolved to: the route and its decoded path parameters. */
    record Found(Route route, Map<String, String> parameters) {
    }

    /** One method on one template: its access level and handler, or the reason it is refused. */
    record Route(HttpMethod method, String template, Access access, Handler handler, String unsupportedReason) {
    }

    /** All routes of one template, by method. */
    private record Resource(PathTemplate template, Map<HttpMethod, Route> methods) {
    }

    private static final List<HttpMethod> METHOD_ORDER =
            List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE);

    private final List<Resource> resources = new ArrayList<>();

    /** Adds a GET route; it answers HEAD too, without the body. */
    public Routes get(String template, Access access, Handler handler) {
        return add(HttpMethod.GET, template, access, handler, null);
    }

    public Routes put(String template, Access access, Handler handler) {
        return add(HttpMethod.PUT, template, access, handler, null);
    }

    public Routes post(String template, Access access, Handler handler) {
        return add(HttpMethod.POST, template, access, handler, null);
    }

    public Routes delete(String template, Access access, Handler handler) {
        return add(HttpMethod.DELETE, template, access, handler, null);
    }

    /**
     * Declares that {@code method} on {@code template} is known but refused: 405 with {@code reason} (for
     * example an operation the engine cannot do yet), before any authentication.
     */
    public Routes unsupported(HttpMethod method, String template, String reason) {
        return add(method, template, Access.MANAGEMENT, null, Objects.requireNonNull(reason, "reason"));
    }

    private Routes add(HttpMethod method, String template, Access access, Handler handler, String reason) {
        Objects.requireNonNull(access, "access");
        if (reason == null) {
            Objects.requireNonNull(handler, "handler");
        }
        if (!template.startsWith("/api/")) {
            throw new IllegalArgumentException("API route '" + template + "' must be under /api/");
        }
        Resource resource = resource(template);
        if (resource.methods().putIfAbsent(method, new Route(method, template, access, handler, reason)) != null) {
            throw new IllegalStateException(method + " " + template + " is registered twice");
        }
        return this;
    }

    private Resource resource(String template) {
        for (Resource r : resources) {
            if (r.template().text().equals(template)) {
                return r;
            }
        }
        Resource created = new Resource(PathTemplate.parse(template), new LinkedHashMap<>());
        resources.add(created);
        resources.sort((a, b) -> a.template().compareSpecificity(b.template()));
        return created;
    }

    /**
     * The route for {@code method} on the decoded {@code segments} of {@code path}.
     *
     * @throws ApiException 404 when no template matches, 405 when the template lacks the method or refuses it
     */
    Found find(HttpMethod method, List<String> segments, String path) {
        for (Resource resource : resources) {
            Map<String, String> parameters = resource.template().match(segments);
            if (parameters == null) {
                continue;
            }
            HttpMethod lookup = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
            Route route = resource.methods().get(lookup);
            if (route == null) {
                throw ApiException.methodNotAllowed(method + " is not allowed on " + path, allow(resource));
            }
            if (route.unsupportedReason() != null) {
                throw ApiException.methodNotAllowed(route.unsupportedReason(), allow(resource));
            }
            return new Found(route, parameters);
        }
        throw ApiException.notFound("no API resource at " + path);
    }

    private static String allow(Resource resource) {
        StringJoiner allowed = new StringJoiner(", ");
        for (HttpMethod m : METHOD_ORDER) {
            HttpMethod registered = HttpMethod.HEAD.equals(m) ? HttpMethod.GET : m;
            Route route = resource.methods().get(registered);
            if (route != null && route.unsupportedReason() == null) {
                allowed.add(m.name());
            }
        }
        return allowed.toString();
    }

    /** The registered templates with their methods, for logs and tests, e.g. {@code GET /api/overview}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Resource r : resources) {
            r.methods().forEach((method, route) -> lines.add(method + " " + r.template().text()
                    + (route.unsupportedReason() == null ? "" : " (unsupported)")));
        }
        return lines;
    }
}
