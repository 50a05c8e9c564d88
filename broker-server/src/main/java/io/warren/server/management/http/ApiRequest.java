package io.warren.server.management.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.warren.broker.security.User;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated API request as a {@link Handler} sees it: the user, the path parameters of the route's
 * template (already URL-decoded, so {@code %2F} arrives as the vhost {@code "/"}), the query parameters, the
 * headers and the body. Built by {@link HttpService} on the executor thread and used by that thread only;
 * the body array belongs to the request.
 */
public final class ApiRequest {
    private final HttpMethod method;
    private final String path;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> queryParameters;
    private final HttpHeaders headers;
    private final byte[] body;
    private final User user;
    private final SocketAddress remoteAddress;
    private final ObjectMapper mapper;

    ApiRequest(HttpMethod method, String path, Map<String, String> pathParameters,
               Map<String, List<String>> queryParameters, HttpHeaders headers, byte[] body, User user,
               SocketAddress remoteAddress, ObjectMapper mapper) {
        this.method = method;
        this.path = path;
        this.pathParameters = Map.copyOf(pathParameters);
        this.queryParameters = Map.copyOf(queryParameters);
        this.headers = headers;
        this.body = body;
        this.user = user;
        this.remoteAddress = remoteAddress;
        this.mapper = mapper;
    }

    public HttpMethod method() {
        return method;
    }

    /** The path as the client sent it, without the query; for messages. */
    public String path() {
        return path;
    }

    /**
     * The decoded value of the template's {@code {name}} segment.
     *
     * @throws IllegalArgumentException if the route's template has no such segment (a programming error)
     */
    public String param(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route for " + path + " has no path parameter {" + name + "}");
        }
        return value;
    }

    /** The first value of query parameter {@code name}, if given. */
    public Optional<String> query(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether query parameter {@code name} is {@code true} (as in {@code ?if-unused=true}). */
    public boolean queryFlag(String name) {
        return query(name).map("true"::equalsIgnoreCase).orElse(false);
    }

    /** The first value of header {@code name}, if sent. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The authenticated user, as the store held it when the request arrived. */
    public User user() {
        return user;
    }

    /** The client's address. */
    public SocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The raw body; empty when none was sent. */
    public byte[] body() {
        return body;
    }

    /**
     * The body as a JSON object.
     *
     * @throws ApiException 400 if the body is empty, not JSON or not an object
     */
    public JsonBody json() {
        return JsonBody.parse(mapper, body, false);
    }

    /** As {@link #json()}, but an empty body is an empty object (a PUT whose fields are all optional). */
    public JsonBody jsonOrEmpty() {
        return JsonBody.parse(mapper, body, true);
    }
}
