package io.warren.server.management.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one HTTP request: paths under {@code /api} go through the {@link Routes} (404 or 405 first, then
 * HTTP Basic authentication and the management tag, 401; then the route's {@link Access}, 403; then the
 * handler), every other path is a console file from {@link StaticFiles}. Errors are JSON {@code {"error",
 * "reason"}} bodies; a handler failure that {@link Failures} cannot translate is a 500 whose reason names
 * only the exception's class, while the stack trace goes to the log at WARN. HEAD is answered as GET
 * without the body.
 *
 * <p>Thread-safe and stateless per request; {@link HttpConnectionHandler} calls {@link #answer} on the
 * management executor, never on an event loop, because authentication and handlers may block.
 */
public final class HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);
    private static final String JSON = "application/json";
    private static final String STATIC_ALLOW = "GET, HEAD";

    private final Routes routes;
    private final ObjectMapper mapper;
    private final BasicAuthentication authentication;
    private final StaticFiles files;

    /**
     * @param routes        the API's routes, complete before the first request
     * @param users         whom HTTP Basic logins are checked against
     * @param mapper        writes response bodies and reads request bodies (see {@link ApiJson#newMapper()})
     * @param loader        where the console files are found
     * @param consoleFolder the classpath folder of the console files, ending in {@code /}
     */
    public HttpService(Routes routes, UserStore users, ObjectMapper mapper, ClassLoader loader,
                       String consoleFolder) {
        this.routes = routes;
        this.mapper = mapper;
        this.authentication = new BasicAuthentication(users);
        this.files = new StaticFiles(loader, consoleFolder);
    }

    /** The complete response to {@code request}; never throws. */
    FullHttpResponse answer(RawRequest request) {
        FullHttpResponse response;
        String path = request.uri();
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            path = uri.rawPath();
            List<String> segments = PathSegments.decode(path);
            if (!segments.isEmpty() && segments.get(0).equals("api")) {
                response = api(request, path, segments, uri);
            } else {
                response = file(request, path, segments);
            }
        } catch (Exception e) {
            response = failure(request, path, e);
        }
        response.headers().set("X-Content-Type-Options", "nosniff");
        if (HttpMethod.HEAD.equals(request.method())) {
            return withoutBody(response);
        }
        return response;
    }

    private FullHttpResponse api(RawRequest request, String path, List<String> segments, QueryStringDecoder uri)
            throws Exception {
        Routes.Found found = routes.find(request.method(), segments, path);
        User user = authentication.authenticate(request.headers(), request.remoteAddress());
        Routes.Route route = found.route();
        if (!route.access().admits(user)) {
            throw ApiException.accessRefused(route.method() + " " + route.template() + " needs the "
                    + route.access().tag() + " tag, which user '" + user.name() + "' does not have (tags: "
                    + (user.tags().isEmpty() ? "none" : String.join(", ", user.tags())) + ")");
        }
        Map<String, List<String>> query;
        try {
            query = uri.parameters();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query string is malformed: " + e.getMessage());
        }
        ApiRequest apiRequest = new ApiRequest(request.method(), path, found.parameters(), query,
                request.headers(), request.body(), user, request.remoteAddress(), mapper);
        ApiResponse answer = route.handler().handle(apiRequest);
        FullHttpResponse response = json(HttpResponseStatus.valueOf(answer.status()), answer.body());
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        return response;
    }

    private FullHttpResponse file(RawRequest request, String path, List<String> segments) {
        if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
            throw ApiException.methodNotAllowed(request.method() + " is not allowed on " + path
                    + "; console files are read-only", STATIC_ALLOW);
        }
        Optional<StaticFiles.StaticFile> found = files.find(segments);
        if (found.isEmpty()) {
            throw ApiException.notFound("no console file at " + path);
        }
        StaticFiles.StaticFile file = found.get();
        String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        boolean unchanged = ifNoneMatch != null
                && (ifNoneMatch.contains(file.etag()) || ifNoneMatch.strip().equals("*"));
        FullHttpResponse response = unchanged
                ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED)
                : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(file.content()));
        response.headers()
                .set(HttpHeaderNames.ETAG, file.etag())
                // Cached but revalidated on every use: a new console shows at once, an unchanged one costs a 304.
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        if (!unchanged) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, file.contentType());
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }

    private FullHttpResponse failure(RawRequest request, String path, Exception e) {
        ApiException answer = Failures.translate(e);
        if (answer == null) {
            LOG.warn("management API: {} {} failed", request.method(), path, e);
            answer = new ApiException(500, "internal_error",
                    "internal error (" + e.getClass().getSimpleName() + "); see the broker log", Map.of());
        } else if (answer.status() >= 500) {
            LOG.warn("management API: {} {} failed: {}", request.method(), path, answer.reason());
        }
        return error(answer);
    }

    /** The JSON error response for {@code e}. */
    FullHttpResponse error(ApiException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("reason", e.reason());
        FullHttpResponse response = json(HttpResponseStatus.valueOf(e.status()), body);
        e.headers().forEach((name, value) -> response.headers().set(name, value));
        return response;
    }

    private FullHttpResponse json(HttpResponseStatus status, Object body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A view that cannot be written is a bug in its handler.
            throw new IllegalStateException("cannot write the response body as JSON: " + e.getOriginalMessage(), e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        if (body != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON);
        }
        response.headers()
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    private static FullHttpResponse withoutBody(FullHttpResponse response) {
        FullHttpResponse head = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                Unpooled.EMPTY_BUFFER, response.headers(), response.trailingHeaders());
        response.release();
        return head;
    }
}
