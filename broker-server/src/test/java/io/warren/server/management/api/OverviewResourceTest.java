package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.message.Message;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import io.warren.server.WarrenVersion;
import io.warren.server.management.ManagementFixture;
import io.warren.server.management.ManagementServer;
import io.warren.server.management.ManagementSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverviewResourceTest {

    @Test
    void theOverviewNamesProductVersionAndNode() {
        try (ManagementFixture fixture = ManagementFixture.start()) {
            JsonNode overview = json(fixture.get("/api/overview", "mona", "mona-pw"));

            assertThat(overview.get("product_name").asText()).isEqualTo("Warren");
            assertThat(overview.get("product_version").asText()).isEqualTo(WarrenVersion.get());
            assertThat(overview.get("management_version").asText()).isEqualTo(WarrenVersion.get());
            assertThat(overview.get("node").asText()).isEqualTo(fixture.broker.name());
            assertThat(overview.get("cluster_name").asText()).isEqualTo(fixture.broker.name());
            assertThat(overview.get("message_stats").get("publish").asLong()).isZero();
            assertThat(overview.get("message_stats").get("publish_details").get("rate").asDouble()).isZero();
            assertThat(overview.get("memory").get("limit").asLong()).isEqualTo(fixture.broker.memory().limit());
            assertThat(overview.get("listeners").toString()).isEqualTo("[{\"protocol\":\"http\",\"ip_address\":"
                    + "\"127.0.0.1\",\"port\":" + fixture.server.port() + "}]");
        }
    }

    @Test
    void totalsCountTheQueuesMessagesAndConsumersOfTheVhostsTheUserSees() throws Exception {
        try (ManagementFixture fixture = ManagementFixture.start()) {
            Channel root = fixture.broker.defaultVirtualHost().connect("t").createChannel();
            root.queueDeclare("a", false, false, false, Map.of());
            root.queueDeclare("b", false, false, false, Map.of());
            root.publish("", "a", Message.builder().body(new byte[] {1}).build()).get();
            root.consume("b", ConsumeOptions.prefetch(10), delivery -> { });
            Channel other = fixture.broker.createVirtualHost("orders").connect("t").createChannel();
            other.queueDeclare("c", false, false, false, Map.of());
            other.publish("", "c", Message.builder().body(new byte[] {1}).build()).get();

            JsonNode mona = json(fixture.get("/api/overview", "mona", "mona-pw"));
            JsonNode guest = json(fixture.get("/api/overview"));

            assertThat(mona.get("object_totals").get("queues").asLong()).isEqualTo(2);
            assertThat(mona.get("object_totals").get("consumers").asLong()).isEqualTo(1);
            assertThat(mona.get("object_totals").get("exchanges").asLong()).isEqualTo(6);
            assertThat(mona.get("object_totals").get("connections").asLong()).isEqualTo(1);
            assertThat(mona.get("object_totals").get("channels").asLong()).isEqualTo(1);
            assertThat(mona.get("message_stats").get("publish").asLong()).isEqualTo(1);
            assertThat(guest.get("object_totals").get("connections").asLong()).isEqualTo(2);
            assertThat(guest.get("message_stats").get("publish").asLong()).isEqualTo(2);
            assertThat(mona.get("queue_totals").get("messages").asLong()).isEqualTo(1);
            assertThat(mona.get("queue_totals").get("messages_ready").asLong()).isEqualTo(1);
            assertThat(guest.get("object_totals").get("queues").asLong()).isEqualTo(3);
            assertThat(guest.get("queue_totals").get("messages").asLong()).isEqualTo(2);
        }
    }

    @Test
    void theOverviewListsTheAmqpListenersOfTheServerItFronts() throws Exception {
        UserStore users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        try (Broker broker = Broker.start(BrokerConfig.builder("overview-listeners").build());
             AmqpServer amqp = AmqpServer.start(broker, ServerSettings.ephemeral(), users);
             ManagementServer management = ManagementServer.start(amqp, users, ManagementSettings.ephemeral())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(management.uri() + "api/overview"))
                            .header("Authorization", ManagementFixture.basic("guest", "guest")).build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode listeners = json(response).get("listeners");
            assertThat(listeners).hasSize(2);
            assertThat(listeners.get(0).toString()).isEqualTo("{\"protocol\":\"amqp\",\"ip_address\":\"127.0.0.1\","
                    + "\"port\":" + amqp.port() + "}");
            assertThat(listeners.get(1).get("protocol").asText()).isEqualTo("http");
        }
    }
}
