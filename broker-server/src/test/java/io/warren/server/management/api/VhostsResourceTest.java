package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.broker.Channel;
import io.warren.message.Message;
import io.warren.server.management.ManagementFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VhostsResourceTest {
    private ManagementFixture fixture;

    @BeforeEach
    void start() {
        fixture = ManagementFixture.start();
        fixture.broker.createVirtualHost("orders");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.get("name").asText()));
        return names;
    }

    @Test
    void administratorsAndMonitorsSeeEveryVhost() {
        assertThat(names(json(fixture.get("/api/vhosts")))).containsExactly("/", "orders");
        assertThat(names(json(fixture.get("/api/vhosts", "monty", "monty-pw")))).containsExactly("/", "orders");
    }

    @Test
    void aManagementUserSeesOnlyVhostsWhereItHasPermissions() {
        assertThat(names(json(fixture.get("/api/vhosts", "mona", "mona-pw")))).containsExactly("/");

        HttpResponse<String> other = fixture.get("/api/vhosts/orders", "mona", "mona-pw");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other).get("reason").asText()).isEqualTo("user 'mona' has no permissions in vhost 'orders'");
    }

    @Test
    void aVhostShowsItsMessageCounts() throws Exception {
        Channel channel = fixture.broker.defaultVirtualHost().connect("test").createChannel();
        channel.queueDeclare("q", false, false, false, Map.of());
        for (int i = 0; i < 3; i++) {
            channel.publish("", "q", Message.builder().body("m".getBytes(StandardCharsets.UTF_8)).build()).get();
        }
        channel.get("q", false, null);

        JsonNode root = json(fixture.get("/api/vhosts/%2F"));

        assertThat(root.get("name").asText()).isEqualTo("/");
        assertThat(root.get("messages").asLong()).isEqualTo(3);
        assertThat(root.get("messages_ready").asLong()).isEqualTo(2);
        assertThat(root.get("messages_unacknowledged").asLong()).isEqualTo(1);
        assertThat(root.get("tracing").asBoolean()).isFalse();
    }

    @Test
    void anUnknownVhostIsNotFound() {
        HttpResponse<String> response = fixture.get("/api/vhosts/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("reason").asText()).isEqualTo("vhost 'nowhere' not found");
    }

    @Test
    void puttingAVhostCreatesItOnceAndThenLeavesIt() {
        HttpResponse<String> created = fixture.put("/api/vhosts/a%2Fb", "{\"description\":\"ignored\"}");
        HttpResponse<String> again = fixture.put("/api/vhosts/a%2Fb", null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(fixture.broker.virtualHostNames()).contains("a/b");
    }

    @Test
    void aVhostNameTheEngineRefusesIsABadRequest() {
        HttpResponse<String> response = fixture.put("/api/vhosts/bad%07name", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).contains("control character");
    }

    @Test
    void onlyAdministratorsCreateVhosts() {
        assertThat(fixture.send("PUT", "/api/vhosts/new", null, "mona", "mona-pw").statusCode()).isEqualTo(403);
        assertThat(fixture.broker.virtualHostNames()).doesNotContain("new");
    }

    @Test
    void administratorsDeleteAVhostWithItsQueuesButNotTheDefaultOne() {
        fixture.broker.virtualHost("orders").connect("t").createChannel()
                .queueDeclare("q", true, false, false, java.util.Map.of());
        assertThat(fixture.send("DELETE", "/api/vhosts/orders", null, "mona", "mona-pw").statusCode()).isEqualTo(403);

        assertThat(fixture.delete("/api/vhosts/orders").statusCode()).isEqualTo(204);
        assertThat(fixture.broker.virtualHostNames()).doesNotContain("orders");
        assertThat(fixture.delete("/api/vhosts/orders").statusCode()).isEqualTo(404);

        HttpResponse<String> root = fixture.delete("/api/vhosts/%2F");
        assertThat(root.statusCode()).isEqualTo(403);
        assertThat(json(root).get("reason").asText()).contains("'/' cannot be deleted");
    }
}
