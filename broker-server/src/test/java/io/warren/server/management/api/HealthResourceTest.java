package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
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
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthResourceTest {
    @TempDir
    Path dataDir;

    @Test
    void theAlivenessTestPublishesAndGetsAMessageInTheVhost() {
        try (ManagementFixture fixture = ManagementFixture.start()) {
            HttpResponse<String> response = fixture.get("/api/aliveness-test/%2F", "mona", "mona-pw");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).toString()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(fixture.broker.defaultVirtualHost().queueInfo("aliveness-test").messageCount()).isZero();
        }
    }

    @Test
    void theAlivenessTestNeedsAccessToTheVhost() {
        try (ManagementFixture fixture = ManagementFixture.start()) {
            fixture.broker.createVirtualHost("orders");

            assertThat(fixture.get("/api/aliveness-test/orders", "mona", "mona-pw").statusCode()).isEqualTo(403);
            assertThat(fixture.get("/api/aliveness-test/nowhere").statusCode()).isEqualTo(404);
            assertThat(fixture.broker.virtualHost("orders").hasQueue("aliveness-test")).isFalse();
        }
    }

    @Test
    void withoutAlarmsTheAlarmCheckIsOk() {
        try (ManagementFixture fixture = ManagementFixture.start()) {
            HttpResponse<String> response = fixture.get("/api/health/checks/alarms", "mona", "mona-pw");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void theMemoryAlarmFailsTheAlarmCheck() throws Exception {
        try (ManagementFixture fixture = ManagementFixture.start(config -> config.maxMemory(1024))) {
            Channel channel = fixture.broker.defaultVirtualHost().connect("filler").createChannel();
            channel.queueDeclare("full", false, false, false, Map.of());
            channel.publish("", "full", Message.builder().body(new byte[4096]).build(), false).get();

            HttpResponse<String> response = fixture.get("/api/health/checks/alarms");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = json(response);
            assertThat(body.get("status").asText()).isEqualTo("failed");
            assertThat(body.get("reason").asText()).isEqualTo("resource alarm(s) in effect: memory");
            assertThat(body.get("alarms").get(0).get("resource").asText()).isEqualTo("memory");
            assertThat(json(fixture.get("/api/overview")).get("memory").get("alarm").asBoolean()).isTrue();
        }
    }

    @Test
    void theAmqpServersDiskAlarmFailsTheAlarmCheck() throws Exception {
        UserStore users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        try (Broker broker = Broker.start(BrokerConfig.builder("disk-alarm").dataDirectory(dataDir).build());
             AmqpServer amqp = AmqpServer.start(broker, ServerSettings.ephemeral().withDiskFreeLimit(Long.MAX_VALUE),
                     users);
             ManagementServer management = ManagementServer.start(amqp, users, ManagementSettings.ephemeral())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(management.uri() + "api/health/checks/alarms"))
                            .header("Authorization", ManagementFixture.basic("guest", "guest")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).get("reason").asText()).isEqualTo("resource alarm(s) in effect: disk");
        }
    }
}
