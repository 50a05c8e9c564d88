package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.broker.ClientConnection;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.management.ConnectionDetails;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import io.warren.server.management.ManagementFixture;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionsResourceTest {
    private ManagementFixture fixture;
    private AmqpServer amqp;
    private Connection network;
    private ClientConnection monas;

    @BeforeEach
    void start() throws Exception {
        fixture = ManagementFixture.start();
        amqp = AmqpServer.start(fixture.broker, ServerSettings.ephemeral(), fixture.users);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setPort(amqp.port());
        network = factory.newConnection("billing");
        Channel ch = network.createChannel();
        ch.confirmSelect();
        ch.basicQos(20, true);
        ch.queueDeclare("invoices", true, false, false, null);
        ch.basicConsume("invoices", false, "invoice-reader", (tag, d) -> { }, tag -> { });

        monas = fixture.broker.defaultVirtualHost().connect("mona's app");
        monas.setDetails(ConnectionDetails.inJvm("mona", 1L));
        monas.createChannel().consume("invoices",
                new ConsumeOptions("red-only", 5, false, false, "color = 'red'", false), d -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.broker.connections().size() == 2
                && fixture.broker.connections().stream().allMatch(c -> c.info().channels().stream()
                        .anyMatch(x -> !x.consumers().isEmpty())));
    }

    @AfterEach
    void stop() throws Exception {
        if (network.isOpen()) {
            network.close();
        }
        amqp.close();
        fixture.close();
    }

    private JsonNode networkConnection(JsonNode list) {
        for (JsonNode c : list) {
            if (c.get("type").asText().equals("network")) {
                return c;
            }
        }
        throw new AssertionError("no network connection in " + list);
    }

    private static String path(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void administratorsSeeNetworkAndInJvmConnectionsInRabbitMqsShape() {
        JsonNode list = json(fixture.get("/api/connections"));
        assertThat(list).hasSize(2);
        JsonNode c = networkConnection(list);
        assertThat(c.get("protocol").asText()).isEqualTo("AMQP 0-9-1");
        assertThat(c.get("user").asText()).isEqualTo("guest");
        assertThat(c.get("vhost").asText()).isEqualTo("/");
        assertThat(c.get("port").asInt()).isEqualTo(amqp.port());
        assertThat(c.get("name").asText()).isEqualTo("127.0.0.1:" + c.get("peer_port").asInt()
                + " -> 127.0.0.1:" + amqp.port());
        assertThat(c.get("channels").asInt()).isEqualTo(1);
        assertThat(c.get("client_properties").get("connection_name").asText()).isEqualTo("billing");
        assertThat(c.get("node").asText()).isEqualTo(fixture.broker.name());

        JsonNode one = json(fixture.get("/api/connections/" + path(c.get("name").asText())));
        assertThat(one.get("peer_port")).isEqualTo(c.get("peer_port"));
        assertThat(fixture.get("/api/connections/nobody%20here").statusCode()).isEqualTo(404);
    }

    @Test
    void managementUsersSeeOnlyTheirOwnConnectionsAndMonitoringUsersSeeAll() {
        JsonNode mine = json(fixture.get("/api/connections", "mona", "mona-pw"));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("name").asText()).isEqualTo(monas.id());
        assertThat(mine.get(0).get("type").asText()).isEqualTo("direct");
        assertThat(json(fixture.get("/api/connections", "monty", "monty-pw"))).hasSize(2);
        assertThat(json(fixture.get("/api/vhosts/%2F/connections", "monty", "monty-pw"))).hasSize(2);
        assertThat(json(fixture.get("/api/channels", "mona", "mona-pw"))).hasSize(1);
    }

    @Test
    void channelsShowTheirModesConsumersAndConnection() {
        String name = networkConnection(json(fixture.get("/api/connections"))).get("name").asText();
        JsonNode channels = json(fixture.get("/api/connections/" + path(name) + "/channels"));
        assertThat(channels).hasSize(1);
        JsonNode ch = channels.get(0);
        assertThat(ch.get("name").asText()).isEqualTo(name + " (1)");
        assertThat(ch.get("confirm").asBoolean()).isTrue();
        assertThat(ch.get("prefetch_count").asInt()).isEqualTo(20);
        assertThat(ch.get("consumer_count").asInt()).isEqualTo(1);
        assertThat(ch.get("connection_details").get("name").asText()).isEqualTo(name);

        JsonNode same = json(fixture.get("/api/channels/" + path(name + " (1)")));
        assertThat(same.get("number").asInt()).isEqualTo(1);
        assertThat(fixture.get("/api/channels/" + path(name + " (9)")).statusCode()).isEqualTo(404);
        assertThat(json(fixture.get("/api/vhosts/%2F/channels"))).hasSize(2);
    }

    @Test
    void consumersListTheirQueueChannelAndSelector() {
        JsonNode consumers = json(fixture.get("/api/consumers/%2F"));
        assertThat(consumers).hasSize(2);
        JsonNode selective = null;
        for (JsonNode c : consumers) {
            if (c.get("consumer_tag").asText().equals("red-only")) {
                selective = c;
            }
        }
        assertThat(selective).isNotNull();
        assertThat(selective.get("queue").get("name").asText()).isEqualTo("invoices");
        assertThat(selective.get("prefetch_count").asInt()).isEqualTo(5);
        assertThat(selective.get("ack_required").asBoolean()).isTrue();
        assertThat(selective.get("arguments").get("x-selector").asText()).isEqualTo("color = 'red'");
        assertThat(selective.get("channel_details").get("connection_name").asText()).isEqualTo(monas.id());
        assertThat(json(fixture.get("/api/consumers", "mona", "mona-pw"))).hasSize(2);
        assertThat(fixture.get("/api/consumers/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheOwnerOrAnAdministratorClosesAConnectionAndTheClientLearnsTheReason() throws Exception {
        CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
        network.addShutdownListener(closed::complete);
        String name = networkConnection(json(fixture.get("/api/connections"))).get("name").asText();

        HttpResponse<String> refused = fixture.send("DELETE", "/api/connections/" + path(name), null, "mona", "mona-pw");
        assertThat(refused.statusCode()).isEqualTo(404);

        HttpResponse<String> done = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/connections/" + path(name)))
                .DELETE().header("Authorization", ManagementFixture.basic("guest", "guest"))
                .header("X-Reason", "maintenance window").build());
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(closed.get(10, TimeUnit.SECONDS).getMessage()).contains("320").contains("maintenance window");
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.broker.connections().size() == 1);

        assertThat(fixture.send("DELETE", "/api/connections/" + monas.id(), null, "mona", "mona-pw").statusCode())
                .isEqualTo(204);
        assertThat(monas.isOpen()).isFalse();
        assertThat(monas.closeReason()).isEqualTo(ConnectionsResource.DEFAULT_REASON);
    }

    @Test
    void anAdministratorMayCloseAnotherUsersConnectionButAMonitoringUserMayNot() {
        HttpResponse<String> refused = fixture.send("DELETE", "/api/connections/" + monas.id(), null, "monty",
                "monty-pw");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("reason").asText()).contains("administrator");
        assertThat(monas.isOpen()).isTrue();
        assertThat(fixture.delete("/api/connections/" + monas.id()).statusCode()).isEqualTo(204);
        assertThat(monas.isOpen()).isFalse();
    }
}
