package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.broker.Channel;
import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.management.BindingInfo;
import io.warren.server.management.ManagementFixture;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BindingsResourceTest {
    private ManagementFixture fixture;
    private VirtualHost root;
    private Channel channel;

    @BeforeEach
    void start() {
        fixture = ManagementFixture.start();
        root = fixture.broker.defaultVirtualHost();
        channel = root.connect("test").createChannel();
        channel.queueDeclare("q", false, false, false, Map.of());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> as(String user, String method, String path, String body) {
        return fixture.send(method, path, body, user, user + "-pw");
    }

    @Test
    void everyBindingIsListedWithTheDefaultExchangesImplicitOnes() {
        channel.queueBind("q", "amq.direct", "k", Map.of());

        JsonNode all = json(fixture.get("/api/bindings"));
        JsonNode vhost = json(fixture.get("/api/bindings/%2F"));

        assertThat(vhost).isEqualTo(all);
        assertThat(vhost).hasSize(2);
        assertThat(vhost.get(0).get("source").asText()).isEmpty();
        assertThat(vhost.get(0).get("routing_key").asText()).isEqualTo("q");
        assertThat(vhost.get(1).toString()).isEqualTo("{\"source\":\"amq.direct\",\"vhost\":\"/\",\"destination\":"
                + "\"q\",\"destination_type\":\"queue\",\"routing_key\":\"k\",\"arguments\":{},"
                + "\"properties_key\":\"k\"}");
    }

    @Test
    void postingABindingAnswers201WithALocationEndingInItsPropertiesKey() {
        HttpResponse<String> created = fixture.post("/api/bindings/%2F/e/amq.direct/q/q", "{\"routing_key\":\"k\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/bindings/%2F/e/amq.direct/q/q/k");
        JsonNode shown = json(fixture.get(location));
        assertThat(shown.get("routing_key").asText()).isEqualTo("k");
        assertThat(root.allBindings()).containsExactly(new BindingInfo("amq.direct", "q", true, "k", Map.of()));
    }

    @Test
    void theEmptyKeyIsATildeAndArgumentsAddAStableHash() {
        HttpResponse<String> empty = fixture.post("/api/bindings/%2F/e/amq.direct/q/q", "{}");
        HttpResponse<String> withArguments = fixture.post("/api/bindings/%2F/e/amq.headers/q/q",
                "{\"routing_key\":\"a~b\",\"arguments\":{\"x-match\":\"all\",\"colour\":\"red\"}}");

        assertThat(empty.headers().firstValue("Location").orElseThrow()).endsWith("/~");
        String key = json(fixture.get("/api/bindings/%2F/e/amq.headers/q/q")).get(0).get("properties_key").asText();
        assertThat(key).matches("a%7Eb~[A-Za-z0-9_-]{11}");
        assertThat(key).isEqualTo(PropertiesKey.of("a~b", Map.of("colour", "red", "x-match", "all")));
        assertThat(withArguments.headers().firstValue("Location").orElseThrow())
                .endsWith("/a%257Eb~" + key.substring(6));
    }

    @Test
    void exchangesAreBoundToExchanges() {
        root.exchangeDeclare("events", ExchangeType.TOPIC, false, false, false, Map.of());

        HttpResponse<String> created = fixture.post("/api/bindings/%2F/e/amq.topic/e/events",
                "{\"routing_key\":\"a.#\"}");
        JsonNode listed = json(fixture.get("/api/bindings/%2F/e/amq.topic/e/events"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("destination_type").asText()).isEqualTo("exchange");
        assertThat(fixture.delete("/api/bindings/%2F/e/amq.topic/e/events/a.%23").statusCode()).isEqualTo(204);
        assertThat(root.allBindings()).isEmpty();
    }

    @Test
    void aBindingIsDeletedByItsPropertiesKeyAndThenNotFound() {
        channel.queueBind("q", "amq.direct", "k", Map.of());

        HttpResponse<String> deleted = fixture.delete("/api/bindings/%2F/e/amq.direct/q/q/k");
        HttpResponse<String> again = fixture.delete("/api/bindings/%2F/e/amq.direct/q/q/k");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(root.allBindings()).isEmpty();
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).get("reason").asText())
                .isEqualTo("binding 'k' from exchange 'amq.direct' to queue 'q' in vhost '/' not found");
    }

    @Test
    void missingEndsAreNotFoundNamingThem() {
        HttpResponse<String> exchange = fixture.post("/api/bindings/%2F/e/ghost/q/q", "{}");
        HttpResponse<String> queue = fixture.get("/api/bindings/%2F/e/amq.direct/q/ghost");

        assertThat(exchange.statusCode()).isEqualTo(404);
        assertThat(json(exchange).get("reason").asText()).isEqualTo("exchange 'ghost' in vhost '/' not found");
        assertThat(queue.statusCode()).isEqualTo(404);
        assertThat(json(queue).get("reason").asText()).isEqualTo("queue 'ghost' in vhost '/' not found");
    }

    @Test
    void theDefaultExchangeCanBeListedButNotBoundOrUnbound() {
        JsonNode implicit = json(fixture.get("/api/bindings/%2F/e/amq.default/q/q"));

        assertThat(implicit).hasSize(1);
        assertThat(fixture.post("/api/bindings/%2F/e/amq.default/q/q", "{\"routing_key\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(fixture.delete("/api/bindings/%2F/e/amq.default/q/q/q").statusCode()).isEqualTo(403);
    }

    @Test
    void aBadBodyIsABadRequest() {
        HttpResponse<String> response = fixture.post("/api/bindings/%2F/e/amq.direct/q/q", "{\"routing_key\":5}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).isEqualTo("field 'routing_key' must be a string, got number");
    }

    @Test
    void bindingNeedsWriteOnTheQueueAndReadOnTheExchange() {
        fixture.users.setPermissions("mona", "/", "", "^amq\\.direct$", ".*");
        HttpResponse<String> noWrite = as("mona", "POST", "/api/bindings/%2F/e/amq.direct/q/q", "{}");
        fixture.users.setPermissions("mona", "/", "", "^q$", "^q$");
        HttpResponse<String> noRead = as("mona", "POST", "/api/bindings/%2F/e/amq.direct/q/q", "{}");
        fixture.users.setPermissions("mona", "/", "", "^q$", "^amq\\.direct$");
        HttpResponse<String> allowed = as("mona", "POST", "/api/bindings/%2F/e/amq.direct/q/q", "{}");

        assertThat(noWrite.statusCode()).isEqualTo(403);
        assertThat(json(noWrite).get("reason").asText())
                .isEqualTo("access to queue 'q' in vhost '/' refused for user 'mona'");
        assertThat(noRead.statusCode()).isEqualTo(403);
        assertThat(json(noRead).get("reason").asText())
                .isEqualTo("access to exchange 'amq.direct' in vhost '/' refused for user 'mona'");
        assertThat(allowed.statusCode()).isEqualTo(201);
    }

    @Test
    void aMonitoringUserSeesBindingsButMayNotBind() {
        assertThat(json(as("monty", "GET", "/api/bindings", null))).hasSize(1);
        assertThat(as("monty", "POST", "/api/bindings/%2F/e/amq.direct/q/q", "{}").statusCode()).isEqualTo(403);
        assertThat(root.allBindings()).isEmpty();
    }
}
