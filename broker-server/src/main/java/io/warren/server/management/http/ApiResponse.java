package io.warren.server.management.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link Handler} answers: a status, an optional body that {@link HttpService} writes as JSON with the
 * API's {@code ObjectMapper} (records and maps; snake_case property names), and extra headers. Immutable;
 * {@link #withHeader} returns a copy.
 */
public final class ApiResponse {
    private final int status;
    private final Object body;
    private final Map<String, String> headers;

    private ApiResponse(int status, Object body, Map<String, String> headers) {
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    /** 200 with {@code body} as JSON. */
    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    /** {@code status} with {@code body} as JSON. */
    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }

    /** 201 without a body: a PUT or POST made something new. */
    public static ApiResponse created() {
        return new ApiResponse(201, null, Map.of());
    }

    /** 204 without a body: a PUT changed something that existed, or a DELETE removed it. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    /** This response with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, more);
    }

    public int status() {
        return status;
    }

    /** The object to write as JSON, or null for no body. */
    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
