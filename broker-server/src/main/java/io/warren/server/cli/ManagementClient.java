package io.warren.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends requests to the management API and returns its JSON answers. One per run, used by one thread; each call
 * blocks until the answer is in (connect time-out 10 s, answer time-out 60 s).
 *
 * <p>Every request carries HTTP Basic authentication and asks for JSON over HTTP/1.1. Redirects are not followed,
 * so the credentials go to no other place than {@code --url}; a redirect is reported as an error naming the
 * target. A {@code trace} stream ({@code --verbose}) gets one line per request and one per answer: method, URL,
 * user, status and time, never the {@code Authorization} header or a body.
 *
 * <p>Failures: {@link ServerErrorException} for a status of 300 or more or a body that is not JSON,
 * {@link ConnectFailedException} when no HTTP answer arrives.
 */
final class ManagementClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private static final Map<Integer, String> PHRASES = Map.of(400, "bad_request", 401, "not_authorized",
            403, "access_refused", 404, "Object Not Found", 405, "method_not_allowed", 409, "conflict",
            500, "internal_server_error", 503, "service_unavailable");
    private static final int QUOTED_BODY = 200;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;
    private final Credentials credentials;
    private final Optional<PrintStream> trace;

    /**
     * @param base        the API's base URL without a trailing {@code /}
     * @param credentials sent with every request
     * @param trace       where {@code --verbose} writes, if at all
     */
    ManagementClient(URI base, Credentials credentials, Optional<PrintStream> trace) {
        this.base = base;
        this.credentials = credentials;
        this.trace = trace;
    }

    JsonNode get(ApiPath path) {
        return send("GET", path, null, Map.of());
    }

    JsonNode put(ApiPath path, JsonNode body) {
        return send("PUT", path, body.toString(), Map.of());
    }

    JsonNode post(ApiPath path, JsonNode body) {
        return send("POST", path, body.toString(), Map.of());
    }

    /** Posts {@code json} exactly as given, so that a file is sent byte for byte as it was written. */
    JsonNode post(ApiPath path, String json) {
        return send("POST", path, json, Map.of());
    }

    JsonNode delete(ApiPath path) {
        return send("DELETE", path, null, Map.of());
    }

    JsonNode delete(ApiPath path, Map<String, String> headers) {
        return send("DELETE", path, null, headers);
    }

    /** The server's answer, or a missing node when it has no body (as {@code 204 No Content}). */
    private JsonNode send(String method, ApiPath path, String body, Map<String, String> headers) {
        URI uri = URI.create(base + path.value());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(ANSWER_TIMEOUT)
                .header("Authorization", credentials.authorization())
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        trace.ifPresent(t -> t.println("> " + method + " " + uri + " (user " + credentials.user() + ")"));
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectFailedException(base.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectFailedException(base.toString(), e);
        }
        int status = response.statusCode();
        trace.ifPresent(t -> t.println("< " + status + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)"));
        if (status >= 300) {
            throw error(response);
        }
        String text = response.body();
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new ServerErrorException(status, "bad_response", "the answer is not JSON: " + quote(text));
        }
    }

    private static ServerErrorException error(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400) {
            String target = response.headers().firstValue("Location").orElse("(no Location header)");
            return new ServerErrorException(status, "redirect", "the API answered with a redirect to " + target
                    + "; give that address with --url");
        }
        String error = PHRASES.getOrDefault(status, "HTTP error");
        String body = response.body().strip();
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (JsonProcessingException e) {
            return new ServerErrorException(status, error, quote(body));
        }
        if (json.path("error").isTextual() && !json.path("error").asText().isBlank()) {
            error = json.path("error").asText();
        }
        return new ServerErrorException(status, error, Json.text(json.path("reason")));
    }

    /** The first line of a body that is not JSON, shortened: enough to recognise an HTML page or a proxy. */
    private static String quote(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() <= QUOTED_BODY ? line : line.substring(0, QUOTED_BODY) + "...";
    }
}
