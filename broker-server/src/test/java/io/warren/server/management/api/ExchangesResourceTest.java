package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warren.broker.Channel;
import io.warren.broker.Delivery;
import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import io.warren.server.management.ManagementFixture;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangesResourceTest {
    private ManagementFixture fixture;
    private VirtualHost root;
    private Channel channel;

    @BeforeEach
    void start() {
        fixture = ManagementFixture.start();
        root = fixture.broker.defaultVirtualHost();
        channel = root.connect("test").createChannel();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> as(String user, String method, String path, String body) {
        return fixture.send(method, path, body, user, user + "-pw");
    }

    @Test
    void exchangesAreListedWithTheDefaultExchangeNamedEmpty() {
        JsonNode exchanges = json(fixture.get("/api/exchanges/%2F"));

        assertThat(exchanges).hasSize(6);
        assertThat(exchanges.get(0).toString()).isEqualTo("{\"name\":\"\",\"vhost\":\"/\",\"type\":\"direct\","
                + "\"durable\":true,\"auto_delete\":false,\"internal\":false,\"arguments\":{}}");
        assertThat(exchanges.get(1).get("name").asText()).isEqualTo("amq.direct");
        assertThat(json(fixture.get("/api/exchanges"))).hasSize(6);
    }

    @Test
    void theDefaultExchangeIsAmqDefaultInPaths() {
        HttpResponse<String> response = fixture.get("/api/exchanges/%2F/amq.default");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("name").asText()).isEmpty();
    }

    @Test
    void aMissingExchangeIsNotFoundNamingIt() {
        HttpResponse<String> response = fixture.get("/api/exchanges/%2F/ghost");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("reason").asText()).isEqualTo("exchange 'ghost' in vhost '/' not found");
    }

    @Test
    void puttingAnExchangeCreatesItThenAcceptsAnEqualRedeclaration() {
        String body = "{\"type\":\"topic\",\"durable\":false,\"arguments\":{\"alternate-exchange\":\"amq.fanout\"}}";

        HttpResponse<String> created = fixture.put("/api/exchanges/%2F/events", body);
        HttpResponse<String> again = fixture.put("/api/exchanges/%2F/events", body);
        JsonNode shown = json(fixture.get("/api/exchanges/%2F/events"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(shown.get("type").asText()).isEqualTo("topic");
        assertThat(shown.get("durable").asBoolean()).isFalse();
        assertThat(shown.get("arguments").toString()).isEqualTo("{\"alternate-exchange\":\"amq.fanout\"}");
    }

    @Test
    void anInequivalentRedeclarationIsAConflict() {
        fixture.put("/api/exchanges/%2F/events", "{\"type\":\"topic\"}");

        HttpResponse<String> response = fixture.put("/api/exchanges/%2F/events", "{\"type\":\"fanout\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("reason").asText()).contains("inequivalent declaration");
    }

    @Test
    void aBadDeclarationIsABadRequestSayingWhatIsWrong() {
        HttpResponse<String> noType = fixture.put("/api/exchanges/%2F/x", "{\"durable\":true}");
        HttpResponse<String> badType = fixture.put("/api/exchanges/%2F/x", "{\"type\":\"round-robin\"}");
        HttpResponse<String> wrongType = fixture.put("/api/exchanges/%2F/x", "{\"type\":\"direct\",\"internal\":1}");
        HttpResponse<String> noBody = fixture.put("/api/exchanges/%2F/x", null);

        assertThat(json(noType).get("reason").asText()).isEqualTo("field 'type' is missing");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(json(badType).get("reason").asText()).contains("unknown exchange type 'round-robin'");
        assertThat(json(wrongType).get("reason").asText())
                .isEqualTo("field 'internal' must be true or false, got number");
        assertThat(json(noBody).get("reason").asText()).isEqualTo("body is empty; expected a JSON object");
        assertThat(root.hasExchange("x")).isFalse();
    }

    @Test
    void brokerOwnedExchangesCannotBeDeclaredOrDeleted() {
        HttpResponse<String> declare = fixture.put("/api/exchanges/%2F/amq.custom", "{\"type\":\"direct\"}");
        HttpResponse<String> delete = fixture.delete("/api/exchanges/%2F/amq.direct");

        assertThat(declare.statusCode()).isEqualTo(403);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(root.hasExchange("amq.direct")).isTrue();
    }

    @Test
    void deletingAnExchangeHonoursIfUnused() {
        root.exchangeDeclare("events", ExchangeType.FANOUT, false, false, false, Map.of());
        channel.queueDeclare("q", false, false, false, Map.of());
        channel.queueBind("q", "events", "", Map.of());

        HttpResponse<String> refused = fixture.delete("/api/exchanges/%2F/events?if-unused=true");
        HttpResponse<String> deleted = fixture.delete("/api/exchanges/%2F/events");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(root.hasExchange("events")).isFalse();
    }

    @Test
    void anExchangesBindingsAreListedBySourceAndByDestination() {
        root.exchangeDeclare("events", ExchangeType.FANOUT, false, false, false, Map.of());
        channel.queueDeclare("q", false, false, false, Map.of());
        channel.queueBind("q", "events", "k", Map.of());
        channel.exchangeBind("events", "amq.topic", "a.*", Map.of());

        JsonNode source = json(fixture.get("/api/exchanges/%2F/events/bindings/source"));
        JsonNode destination = json(fixture.get("/api/exchanges/%2F/events/bindings/destination"));
        JsonNode implicit = json(fixture.get("/api/exchanges/%2F/amq.default/bindings/source"));

        assertThat(source).hasSize(1);
        assertThat(source.get(0).get("destination").asText()).isEqualTo("q");
        assertThat(destination).hasSize(1);
        assertThat(destination.get(0).get("source").asText()).isEqualTo("amq.topic");
        assertThat(destination.get(0).get("destination_type").asText()).isEqualTo("exchange");
        assertThat(implicit).hasSize(1);
        assertThat(implicit.get(0).get("routing_key").asText()).isEqualTo("q");
    }

    @Test
    void aPublishedMessageComesBackFromGetWithItsPropertiesAndHeaders() throws Exception {
        channel.queueDeclare("q", true, false, false, Map.of());
        String properties = "{\"delivery_mode\":2,\"priority\":3,\"timestamp\":1700000000,"
                + "\"headers\":{\"colour\":\"red\",\"n\":7,\"nested\":{\"ok\":true}},\"content_type\":\"text/plain\","
                + "\"content_encoding\":\"utf-8\",\"correlation_id\":\"c-1\",\"reply_to\":\"replies\","
                + "\"message_id\":\"m-1\",\"type\":\"greeting\",\"user_id\":\"guest\",\"app_id\":\"tests\"}";

        HttpResponse<String> published = fixture.post("/api/exchanges/%2F/amq.default/publish",
                "{\"properties\":" + properties + ",\"routing_key\":\"q\",\"payload\":\"hello\","
                        + "\"payload_encoding\":\"string\"}");
        JsonNode got = json(fixture.post("/api/queues/%2F/q/get", "{\"count\":1,\"ackmode\":\"ack_requeue_false\"}"));

        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(json(published).toString()).isEqualTo("{\"routed\":true}");
        assertThat(got).hasSize(1);
        JsonNode m = got.get(0);
        assertThat(m.get("payload").asText()).isEqualTo("hello");
        assertThat(m.get("exchange").asText()).isEmpty();
        assertThat(m.get("routing_key").asText()).isEqualTo("q");
        assertThat(m.get("redelivered").asBoolean()).isFalse();
        assertThat(m.get("properties")).isEqualTo(new ObjectMapper().readTree(properties));
    }

    @Test
    void aBase64PayloadIsPublishedAsItsBytesAndPersistenceIsKept() {
        channel.queueDeclare("q", true, false, false, Map.of());

        fixture.post("/api/exchanges/%2F/amq.default/publish", "{\"routing_key\":\"q\",\"payload\":\"AP8B\","
                + "\"payload_encoding\":\"base64\",\"properties\":{\"delivery_mode\":2}}");
        Delivery d = channel.get("q", true, null);

        assertThat(d.message().body()).containsExactly(0, 0xff, 1);
        assertThat(d.message().persistent()).isTrue();
    }

    @Test
    void aMessageNoBindingTakesIsNotRouted() {
        HttpResponse<String> response = fixture.post("/api/exchanges/%2F/amq.direct/publish",
                "{\"routing_key\":\"nobody\",\"payload\":\"x\",\"payload_encoding\":\"string\",\"properties\":{}}");

        assertThat(json(response).toString()).isEqualTo("{\"routed\":false}");
    }

    @Test
    void aBadPublishIsABadRequestSayingWhatIsWrong() {
        String path = "/api/exchanges/%2F/amq.direct/publish";

        HttpResponse<String> encoding = fixture.post(path, "{\"routing_key\":\"k\",\"payload\":\"x\","
                + "\"payload_encoding\":\"hex\"}");
        HttpResponse<String> base64 = fixture.post(path, "{\"routing_key\":\"k\",\"payload\":\"*\","
                + "\"payload_encoding\":\"base64\"}");
        HttpResponse<String> priority = fixture.post(path, "{\"routing_key\":\"k\",\"payload\":\"x\","
                + "\"properties\":{\"priority\":\"high\"}}");
        HttpResponse<String> expiration = fixture.post(path, "{\"routing_key\":\"k\",\"payload\":\"x\","
                + "\"properties\":{\"expiration\":\"soon\"}}");
        HttpResponse<String> userId = fixture.post(path, "{\"routing_key\":\"k\",\"payload\":\"x\","
                + "\"properties\":{\"user_id\":\"someone-else\"}}");
        HttpResponse<String> noKey = fixture.post(path, "{\"payload\":\"x\"}");

        assertThat(json(encoding).get("reason").asText())
                .isEqualTo("field 'payload_encoding' must be 'string' or 'base64', got 'hex'");
        assertThat(json(base64).get("reason").asText()).startsWith("field 'payload' is not valid base64");
        assertThat(json(priority).get("reason").asText())
                .isEqualTo("field 'properties.priority' must be a whole number, got string");
        assertThat(expiration.statusCode()).isEqualTo(400);
        assertThat(json(expiration).get("reason").asText()).contains("invalid expiration 'soon'");
        assertThat(json(userId).get("reason").asText())
                .isEqualTo("user_id property set to 'someone-else' but the authenticated user is 'guest'");
        assertThat(json(noKey).get("reason").asText()).isEqualTo("field 'routing_key' is missing");
    }

    @Test
    void anInternalExchangeRefusesPublishes() {
        root.exchangeDeclare("inside", ExchangeType.FANOUT, false, false, true, Map.of());

        HttpResponse<String> response = fixture.post("/api/exchanges/%2F/inside/publish",
                "{\"routing_key\":\"\",\"payload\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aManagementUserWithoutWritePermissionMayNotPublish() {
        channel.queueDeclare("q", false, false, false, Map.of());
        fixture.users.setPermissions("mona", "/", ".*", "^amq\\.topic$", ".*");

        HttpResponse<String> response = as("mona", "POST", "/api/exchanges/%2F/amq.default/publish",
                "{\"routing_key\":\"q\",\"payload\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("reason").asText())
                .isEqualTo("access to exchange 'amq.default' in vhost '/' refused for user 'mona'");
        assertThat(root.queue("q").orElseThrow().statistics().ready()).isZero();
    }

    @Test
    void aManagementUserWithoutConfigurePermissionMayNotDeclareOrDelete() {
        root.exchangeDeclare("events", ExchangeType.FANOUT, false, false, false, Map.of());
        fixture.users.setPermissions("mona", "/", "^mine$", ".*", ".*");

        HttpResponse<String> declare = as("mona", "PUT", "/api/exchanges/%2F/other", "{\"type\":\"direct\"}");
        HttpResponse<String> delete = as("mona", "DELETE", "/api/exchanges/%2F/events", null);
        HttpResponse<String> allowed = as("mona", "PUT", "/api/exchanges/%2F/mine", "{\"type\":\"direct\"}");

        assertThat(declare.statusCode()).isEqualTo(403);
        assertThat(json(declare).get("reason").asText())
                .isEqualTo("access to exchange 'other' in vhost '/' refused for user 'mona'");
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(allowed.statusCode()).isEqualTo(201);
    }

    @Test
    void aMonitoringUserSeesExchangesButMayNotPublishOrDeclare() {
        fixture.broker.createVirtualHost("orders");

        assertThat(json(as("monty", "GET", "/api/exchanges", null))).hasSize(12);
        assertThat(as("monty", "POST", "/api/exchanges/%2F/amq.direct/publish", "{\"routing_key\":\"k\","
                + "\"payload\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(as("monty", "PUT", "/api/exchanges/orders/x", "{\"type\":\"direct\"}").statusCode())
                .isEqualTo(403);
    }
}
