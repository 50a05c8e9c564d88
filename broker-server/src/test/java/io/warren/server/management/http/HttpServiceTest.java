package io.warren.server.management.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.security.AccessRefusedException;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.server.management.ManagementFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests answered without a network, to reach failures no real resource produces on demand. */
class HttpServiceTest {
    private final ObjectMapper mapper = ApiJson.newMapper();
    private final Routes routes = new Routes();
    private final HttpService service = new HttpService(routes,
            UserStore.withDefaultGuest(new PasswordHasher(1_000)), mapper, getClass().getClassLoader(),
            "io/warren/server/management/http/files/");

    private FullHttpResponse get(String uri) {
        return service.answer(new RawRequest(HttpMethod.GET, uri,
                new DefaultHttpHeaders().set("Authorization", ManagementFixture.basic("guest", "guest")), new byte[0],
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000)));
    }

    private JsonNode body(FullHttpResponse response) throws Exception {
        try {
            return mapper.readTree(response.content().toString(UTF_8));
        } finally {
            response.release();
        }
    }

    @Test
    void anUnexpectedFailureIsA500WithoutTheStackTrace() throws Exception {
        routes.get("/api/boom", Access.MANAGEMENT, request -> {
            throw new IllegalStateException("secret internals at com.example.Thing");
        });

        FullHttpResponse response = get("/api/boom");

        assertThat(response.status().code()).isEqualTo(500);
        JsonNode body = body(response);
        assertThat(body.get("error").asText()).isEqualTo("internal_error");
        assertThat(body.get("reason").asText()).isEqualTo("internal error (IllegalStateException); see the broker log");
        assertThat(body.toString()).doesNotContain("secret", "at io.", "at com.");
    }

    @Test
    void engineFailuresAreTranslatedByErrorCode() throws Exception {
        Map<ErrorCode, Integer> expected = Map.of(ErrorCode.NOT_FOUND, 404, ErrorCode.PRECONDITION_FAILED, 409,
                ErrorCode.RESOURCE_LOCKED, 409, ErrorCode.INVALID_ARGUMENT, 400, ErrorCode.ACCESS_REFUSED, 403,
                ErrorCode.RESOURCE_ERROR, 503);
        for (Map.Entry<ErrorCode, Integer> entry : expected.entrySet()) {
            String path = "/api/fail/" + entry.getKey().name().toLowerCase();
            routes.get(path, Access.MANAGEMENT, request -> {
                throw new BrokerException(entry.getKey(), "queue 'q' in vhost '/' says " + entry.getKey());
            });

            FullHttpResponse response = get(path);

            assertThat(response.status().code()).as(entry.getKey().name()).isEqualTo(entry.getValue());
            assertThat(body(response).get("reason").asText())
                    .isEqualTo("queue 'q' in vhost '/' says " + entry.getKey());
        }
    }

    @Test
    void anAccessControlRefusalIsA403WithItsReason() throws Exception {
        routes.get("/api/refused", Access.MANAGEMENT, request -> {
            throw new AccessRefusedException(AccessRefusedException.ACCESS_REFUSED,
                    "access to queue 'q' in vhost '/' refused for user 'guest'");
        });

        FullHttpResponse response = get("/api/refused");

        assertThat(response.status().code()).isEqualTo(403);
        JsonNode body = body(response);
        assertThat(body.get("error").asText()).isEqualTo("access_refused");
        assertThat(body.get("reason").asText()).isEqualTo("access to queue 'q' in vhost '/' refused for user 'guest'");
    }

    @Test
    void handlersSeeDecodedParametersAndTheQuery() throws Exception {
        routes.get("/api/echo/{vhost}/{name}", Access.MANAGEMENT, request -> ApiResponse.ok(Map.of(
                "vhost", request.param("vhost"), "name", request.param("name"),
                "if_unused", request.queryFlag("if-unused"), "user", request.user().name())));

        JsonNode body = body(get("/api/echo/%2F/a%20b?if-unused=true"));

        assertThat(body.get("vhost").asText()).isEqualTo("/");
        assertThat(body.get("name").asText()).isEqualTo("a b");
        assertThat(body.get("if_unused").asBoolean()).isTrue();
        assertThat(body.get("user").asText()).isEqualTo("guest");
    }

    @Test
    void everyResponseForbidsContentSniffing() {
        FullHttpResponse response = get("/");

        assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        response.release();
    }
}
