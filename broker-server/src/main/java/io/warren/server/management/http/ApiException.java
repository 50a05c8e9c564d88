package io.warren.server.management.http;

import java.util.Map;
import java.util.Objects;

/**
 * A request that cannot be answered as asked, as the client should see it: an HTTP status, the error kind
 * and a reason naming the object or field, sent as {@code {"error": kind, "reason": reason}} with any extra
 * headers ({@code WWW-Authenticate} on 401, {@code Allow} on 405). Handlers throw it; {@link HttpService}
 * turns it into the response. The reason is shown to the client, so it never holds a password or a stack
 * trace.
 *
 * <p>Immutable. Carries no stack trace: it is an answer, not a fault.
 */
public final class ApiException extends RuntimeException {

    /** The realm sent in {@code WWW-Authenticate} with every 401. */
    public static final String REALM = "Warren Management";

    private final int status;
    private final String error;
    private final Map<String, String> headers;

    /** A refusal with {@code status}, error kind {@code error} and {@code reason}, plus {@code headers}. */
    public ApiException(int status, String error, String reason, Map<String, String> headers) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.status = status;
        this.error = Objects.requireNonNull(error, "error");
        this.headers = Map.copyOf(headers);
    }

    /** 400: the body or a parameter is malformed; the reason says which field or position. */
    public static ApiException badRequest(String reason) {
        return new ApiException(400, "bad_request", reason, Map.of());
    }

    /** 401 with {@code WWW-Authenticate}: no or wrong credentials, or not a management user. */
    public static ApiException notAuthorized(String reason) {
        return new ApiException(401, "not_authorized", reason,
                Map.of("WWW-Authenticate", "Basic realm=\"" + REALM + "\""));
    }

    /** 403: the user lacks a tag or permission; the reason names it. */
    public static ApiException accessRefused(String reason) {
        return new ApiException(403, "access_refused", reason, Map.of());
    }

    /** 404 with RabbitMQ's error kind {@code "Object Not Found"}; the reason names the object. */
    public static ApiException notFound(String reason) {
        return new ApiException(404, "Object Not Found", reason, Map.of());
    }

    /** 405 with {@code Allow} listing the methods the path supports, e.g. {@code "GET, HEAD, PUT"}. */
    public static ApiException methodNotAllowed(String reason, String allow) {
        return new ApiException(405, "method_not_allowed", reason, Map.of("Allow", allow));
    }

    /** 409: the request conflicts with the object's state, e.g. kind {@code precondition_failed}. */
    public static ApiException conflict(String error, String reason) {
        return new ApiException(409, error, reason, Map.of());
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The error kind, e.g. {@code bad_request}. */
    public String error() {
        return error;
    }

    /** What the client should know; the same as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }

    /** Headers to send with the error. */
    public Map<String, String> headers() {
        return headers;
    }
}
