package io.warren.server.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An in-memory broker with a management server on a free loopback port, and an HTTP client for it. Users:
 * {@code guest}/{@code guest} (administrator, loopback only), {@code mona}/{@code mona-pw} (management, all
 * permissions on {@code /}), {@code monty}/{@code monty-pw} (monitoring, no permissions) and {@code
 * nobody}/{@code nobody-pw} (no tags). Passwords are hashed with few iterations so logins are quick.
 */
public final class ManagementFixture implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Broker broker;
    public final UserStore users;
    public final ManagementServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ManagementFixture(UnaryOperator<BrokerConfig.Builder> config) {
        broker = Broker.start(config.apply(BrokerConfig.builder("management-test-" + NAMES.incrementAndGet())).build());
        users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        users.addUser("mona", "mona-pw".toCharArray(), Set.of(User.MANAGEMENT));
        users.setPermissions("mona", "/", ".*", ".*", ".*");
        users.addUser("monty", "monty-pw".toCharArray(), Set.of(User.MONITORING));
        users.addUser("nobody", "nobody-pw".toCharArray(), Set.of());
        server = ManagementServer.start(broker, users, ManagementSettings.ephemeral());
    }

    public static ManagementFixture start() {
        return new ManagementFixture(UnaryOperator.identity());
    }

    /** With the broker configured by {@code config} (in memory unless it sets a data directory). */
    public static ManagementFixture start(UnaryOperator<BrokerConfig.Builder> config) {
        return new ManagementFixture(config);
    }

    /** {@code path} (raw, e.g. {@code /api/vhosts/%2F}) on this server. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** GET as guest. */
    public HttpResponse<String> get(String path) {
        return send("GET", path, null, "guest", "guest");
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send("GET", path, null, user, password);
    }

    /** PUT {@code json} as guest. */
    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json, "guest", "guest");
    }

    /** POST {@code json} as guest. */
    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json, "guest", "guest");
    }

    /** DELETE as guest. */
    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, "guest", "guest");
    }

    /** A request with Basic credentials ({@code user} null for none) and an optional body. */
    public HttpResponse<String> send(String method, String path, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The body of {@code response} as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
        broker.close();
    }
}
