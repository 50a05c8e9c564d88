package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.VirtualHost;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.message.Message;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import io.warren.server.management.ManagementFixture;
import io.warren.server.management.ManagementServer;
import io.warren.server.management.ManagementSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueuesResourceTest {
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

    private void publish(String queue, String... bodies) throws Exception {
        for (String body : bodies) {
            channel.publish("", queue, Message.builder().body(body.getBytes(StandardCharsets.UTF_8)).build()).get();
        }
    }

    private HttpResponse<String> as(String user, String method, String path, String body) {
        return fixture.send(method, path, body, user, user + "-pw");
    }

    @Test
    void queuesAreListedWithDeclarationDepthAndMessageStats() throws Exception {
        channel.queueDeclare("orders", true, false, false, Map.of("x-max-length", 100));
        publish("orders", "a", "bb");

        JsonNode queues = json(fixture.get("/api/queues"));

        assertThat(queues).hasSize(1);
        JsonNode q = queues.get(0);
        assertThat(q.get("name").asText()).isEqualTo("orders");
        assertThat(q.get("vhost").asText()).isEqualTo("/");
        assertThat(q.get("durable").asBoolean()).isTrue();
        assertThat(q.get("auto_delete").asBoolean()).isFalse();
        assertThat(q.get("exclusive").asBoolean()).isFalse();
        assertThat(q.get("arguments").toString()).isEqualTo("{\"x-max-length\":100}");
        assertThat(q.get("messages").asLong()).isEqualTo(2);
        assertThat(q.get("messages_ready").asLong()).isEqualTo(2);
        assertThat(q.get("messages_unacknowledged").asLong()).isZero();
        assertThat(q.get("message_bytes_ready").asLong()).isEqualTo(3);
        assertThat(q.get("consumers").asLong()).isZero();
        assertThat(q.get("state").asText()).isEqualTo("running");
        assertThat(q.get("message_stats").get("publish").asLong()).isEqualTo(2);
        assertThat(q.get("message_stats").get("publish_details").get("rate").isNumber()).isTrue();
        assertThat(q.get("message_stats").has("deliver_get_details")).isTrue();
        assertThat(q.has("consumer_details")).isFalse();
    }

    @Test
    void theDefaultVhostIsAddressedAsPercent2F() {
        channel.queueDeclare("q", false, false, false, Map.of());

        HttpResponse<String> list = fixture.get("/api/queues/%2F");
        HttpResponse<String> one = fixture.get("/api/queues/%2F/q");

        assertThat(json(list)).hasSize(1);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).get("vhost").asText()).isEqualTo("/");
    }

    @Test
    void aSingleQueueListsItsConsumersWithTheirChannel() {
        channel.queueDeclare("q", false, false, false, Map.of());
        String tag = channel.consume("q", ConsumeOptions.prefetch(7), delivery -> { });

        JsonNode consumers = json(fixture.get("/api/queues/%2F/q")).get("consumer_details");

        assertThat(consumers).hasSize(1);
        JsonNode c = consumers.get(0);
        assertThat(c.get("consumer_tag").asText()).isEqualTo(tag);
        assertThat(c.get("queue").toString()).isEqualTo("{\"name\":\"q\",\"vhost\":\"/\"}");
        assertThat(c.get("ack_required").asBoolean()).isTrue();
        assertThat(c.get("prefetch_count").asInt()).isEqualTo(7);
        assertThat(c.get("exclusive").asBoolean()).isFalse();
        assertThat(c.get("arguments").toString()).isEqualTo("{}");
        JsonNode where = c.get("channel_details");
        assertThat(where.get("number").asInt()).isEqualTo(channel.number());
        assertThat(where.get("connection_name").asText()).isEqualTo(channel.connection().id());
        assertThat(where.get("name").asText()).isEqualTo(channel.connection().id() + " (" + channel.number() + ")");
        assertThat(where.has("peer_host")).isTrue();
        assertThat(where.has("user")).isTrue();
    }

    @Test
    void aMissingQueueOrVhostIsNotFoundNamingIt() {
        HttpResponse<String> queue = fixture.get("/api/queues/%2F/ghost");
        HttpResponse<String> vhost = fixture.get("/api/queues/nowhere");

        assertThat(queue.statusCode()).isEqualTo(404);
        assertThat(json(queue).get("reason").asText()).isEqualTo("queue 'ghost' in vhost '/' not found");
        assertThat(vhost.statusCode()).isEqualTo(404);
        assertThat(json(vhost).get("reason").asText()).isEqualTo("vhost 'nowhere' not found");
        assertThat(fixture.delete("/api/queues/%2F/ghost").statusCode()).isEqualTo(404);
    }

    @Test
    void puttingAQueueCreatesItThenAcceptsAnEqualRedeclaration() {
        String body = "{\"auto_delete\":false,\"arguments\":{\"x-max-length\":10}}";

        HttpResponse<String> created = fixture.put("/api/queues/%2F/orders", body);
        HttpResponse<String> again = fixture.put("/api/queues/%2F/orders", body);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(204);
        var q = root.queue("orders").orElseThrow();
        assertThat(q.durable()).as("durable by default, as in RabbitMQ").isTrue();
        assertThat(q.arguments()).containsEntry("x-max-length", 10);
    }

    @Test
    void anInequivalentRedeclarationIsAConflictWithTheEnginesReason() {
        fixture.put("/api/queues/%2F/orders", "{\"durable\":true}");

        HttpResponse<String> response = fixture.put("/api/queues/%2F/orders", "{\"durable\":false}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").asText()).isEqualTo("precondition_failed");
        assertThat(json(response).get("reason").asText()).contains("inequivalent declaration of queue 'orders'");
    }

    @Test
    void aBadBodyIsABadRequestSayingWhatIsWrong() {
        HttpResponse<String> wrongType = fixture.put("/api/queues/%2F/q", "{\"durable\":\"yes\"}");
        HttpResponse<String> notJson = fixture.put("/api/queues/%2F/q", "{\"durable\":");
        HttpResponse<String> badArgument = fixture.put("/api/queues/%2F/q",
                "{\"arguments\":{\"x-max-length\":\"ten\"}}");

        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("reason").asText())
                .isEqualTo("field 'durable' must be true or false, got string");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("reason").asText()).startsWith("body is not valid JSON");
        assertThat(badArgument.statusCode()).isEqualTo(400);
        assertThat(json(badArgument).get("reason").asText()).contains("x-max-length");
        assertThat(root.hasQueue("q")).isFalse();
    }

    @Test
    void deletingAQueueHonoursIfEmpty() throws Exception {
        channel.queueDeclare("q", false, false, false, Map.of());
        publish("q", "x");

        HttpResponse<String> refused = fixture.delete("/api/queues/%2F/q?if-empty=true");
        HttpResponse<String> deleted = fixture.delete("/api/queues/%2F/q");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(root.hasQueue("q")).isFalse();
    }

    @Test
    void purgingRemovesTheReadyMessages() throws Exception {
        channel.queueDeclare("q", false, false, false, Map.of());
        publish("q", "x", "y");

        HttpResponse<String> response = fixture.delete("/api/queues/%2F/q/contents");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(root.queue("q").orElseThrow().statistics().ready()).isZero();
    }

    @Test
    void aQueuesBindingsIncludeTheDefaultExchangesImplicitOne() {
        channel.queueDeclare("q", false, false, false, Map.of());
        channel.queueBind("q", "amq.topic", "a.#", Map.of());

        JsonNode bindings = json(fixture.get("/api/queues/%2F/q/bindings"));

        assertThat(bindings).hasSize(2);
        assertThat(bindings.get(0).toString()).isEqualTo("{\"source\":\"\",\"vhost\":\"/\",\"destination\":\"q\","
                + "\"destination_type\":\"queue\",\"routing_key\":\"q\",\"arguments\":{},\"properties_key\":\"q\"}");
        assertThat(bindings.get(1).get("source").asText()).isEqualTo("amq.topic");
        assertThat(bindings.get(1).get("routing_key").asText()).isEqualTo("a.#");
    }

    @Test
    void aManagementUserWithoutConfigurePermissionMayNotDeclareOrDelete() {
        channel.queueDeclare("q", false, false, false, Map.of());
        fixture.users.setPermissions("mona", "/", "", ".*", ".*");

        HttpResponse<String> declare = as("mona", "PUT", "/api/queues/%2F/other", "{}");
        HttpResponse<String> delete = as("mona", "DELETE", "/api/queues/%2F/q", null);

        assertThat(declare.statusCode()).isEqualTo(403);
        assertThat(json(declare).get("reason").asText())
                .isEqualTo("access to queue 'other' in vhost '/' refused for user 'mona'");
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(root.hasQueue("other")).isFalse();
        assertThat(root.hasQueue("q")).isTrue();
    }

    @Test
    void aDeadLetterExchangeArgumentNeedsWritePermissionOnThatExchange() {
        fixture.users.setPermissions("mona", "/", ".*", "^amq\\.direct$", ".*");

        HttpResponse<String> response = as("mona", "PUT", "/api/queues/%2F/q",
                "{\"arguments\":{\"x-dead-letter-exchange\":\"amq.fanout\"}}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("reason").asText()).contains("exchange 'amq.fanout'");
    }

    @Test
    void aManagementUserWithoutReadPermissionMayNotPurgeOrGet() throws Exception {
        channel.queueDeclare("q", false, false, false, Map.of());
        publish("q", "x");
        fixture.users.setPermissions("mona", "/", ".*", ".*", "");

        HttpResponse<String> purge = as("mona", "DELETE", "/api/queues/%2F/q/contents", null);
        HttpResponse<String> get = as("mona", "POST", "/api/queues/%2F/q/get", "{\"ackmode\":\"ack_requeue_false\"}");

        assertThat(purge.statusCode()).isEqualTo(403);
        assertThat(get.statusCode()).isEqualTo(403);
        assertThat(json(get).get("reason").asText())
                .isEqualTo("access to queue 'q' in vhost '/' refused for user 'mona'");
        assertThat(root.queue("q").orElseThrow().statistics().ready()).isEqualTo(1);
    }

    @Test
    void aManagementUserSeesOnlyTheVhostsItHasPermissionsIn() {
        channel.queueDeclare("mine", false, false, false, Map.of());
        fixture.broker.createVirtualHost("orders").connect("t").createChannel()
                .queueDeclare("theirs", false, false, false, Map.of());

        JsonNode visible = json(as("mona", "GET", "/api/queues", null));
        HttpResponse<String> other = as("mona", "GET", "/api/queues/orders", null);

        assertThat(visible).hasSize(1);
        assertThat(visible.get(0).get("name").asText()).isEqualTo("mine");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other).get("reason").asText()).isEqualTo("user 'mona' has no permissions in vhost 'orders'");
    }

    @Test
    void aMonitoringUserSeesEveryVhostButMayChangeNothing() throws Exception {
        channel.queueDeclare("q", false, false, false, Map.of());
        publish("q", "x");
        fixture.broker.createVirtualHost("orders").connect("t").createChannel()
                .queueDeclare("theirs", false, false, false, Map.of());

        JsonNode visible = json(as("monty", "GET", "/api/queues", null));

        assertThat(visible).hasSize(2);
        assertThat(as("monty", "GET", "/api/queues/orders/theirs", null).statusCode()).isEqualTo(200);
        assertThat(as("monty", "PUT", "/api/queues/%2F/new", "{}").statusCode()).isEqualTo(403);
        assertThat(as("monty", "DELETE", "/api/queues/%2F/q", null).statusCode()).isEqualTo(403);
        assertThat(as("monty", "DELETE", "/api/queues/%2F/q/contents", null).statusCode()).isEqualTo(403);
        assertThat(as("monty", "POST", "/api/queues/%2F/q/get", "{\"ackmode\":\"ack_requeue_true\"}").statusCode())
                .isEqualTo(403);
        assertThat(root.queue("q").orElseThrow().statistics().ready()).isEqualTo(1);
    }

    @Test
    void anotherConnectionsExclusiveQueueIsLocked() {
        channel.queueDeclare("mine-only", false, true, false, Map.of());

        HttpResponse<String> response = fixture.delete("/api/queues/%2F/mine-only");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").asText()).isEqualTo("resource_locked");
        assertThat(json(fixture.get("/api/queues/%2F/mine-only")).get("exclusive").asBoolean()).isTrue();
    }

    @Test
    void messageStatsCountWhatAnAmqpClientPublished() throws Exception {
        UserStore users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        try (Broker broker = Broker.start(BrokerConfig.builder("queues-over-amqp").build());
             AmqpServer amqp = AmqpServer.start(broker, ServerSettings.ephemeral(), users);
             ManagementServer management = ManagementServer.start(amqp, users, ManagementSettings.ephemeral())) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setPort(amqp.port());
            try (Connection connection = factory.newConnection()) {
                com.rabbitmq.client.Channel ch = connection.createChannel();
                ch.queueDeclare("amqp-q", true, false, false, null);
                ch.confirmSelect();
                for (int i = 0; i < 3; i++) {
                    ch.basicPublish("", "amqp-q", null, ("m" + i).getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(10_000);

                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(management.uri() + "api/queues/%2F/amqp-q"))
                                .header("Authorization", ManagementFixture.basic("guest", "guest")).build(),
                        HttpResponse.BodyHandlers.ofString());

                JsonNode q = json(response);
                assertThat(q.get("messages").asLong()).isEqualTo(3);
                assertThat(q.get("messages_ready").asLong()).isEqualTo(3);
                assertThat(q.get("message_stats").get("publish").asLong()).isEqualTo(3);
                assertThat(q.get("durable").asBoolean()).isTrue();
            }
        }
    }
}
