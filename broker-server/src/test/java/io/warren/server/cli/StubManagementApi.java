package io.warren.server.cli;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in for the management HTTP API on an ephemeral loopback port: answers each {@code METHOD /raw/path?query}
 * with the canned status and JSON given to {@link #reply}, anything else with the contract's 404, and records every
 * request. Requests are handled on the server's one dispatcher thread and recorded before the answer is sent, so a
 * synchronous client sees its request in {@link #requests()} as soon as the call returns.
 *
 * <p>In a test class: {@code @RegisterExtension final StubManagementApi api = StubManagementApi.started();}, a
 * fresh one per test, stopped after it; elsewhere {@code try (StubManagementApi api = StubManagementApi.start())}.
 */
public final class StubManagementApi implements AutoCloseable, AfterEachCallback {

    /** One request as it arrived: the path and query still percent-encoded. */
    public record Request(String method, String target, Headers headers, String body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private StubManagementApi(HttpServer server) {
        this.server = server;
    }

    public static StubManagementApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StubManagementApi stub = new StubManagementApi(server);
        server.createContext("/", stub::handle);
        server.start();
        return stub;
    }

    /** {@link #start()} for a field initialiser, which cannot throw {@link IOException}. */
    public static StubManagementApi started() {
        try {
            return start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, as {@code --url} takes it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Answers {@code method target} ({@code target} is the raw path and query, e.g. {@code /api/queues/%2F}) with
     * {@code status} and {@code json} (no body when empty).
     */
    public StubManagementApi reply(String method, String target, int status, String json) {
        replies.put(method + " " + target, new Reply(status, json));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The one request made so far; fails when there were more or none. */
    public Request onlyRequest() {
        List<Request> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            String target = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            requests.add(new Request(exchange.getRequestMethod(), target, exchange.getRequestHeaders(), body));
            Reply reply = replies.getOrDefault(exchange.getRequestMethod() + " " + target, new Reply(404,
                    "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}"));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            if (reply.status() == 401) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Warren Management\"");
            }
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
