package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.broker.Channel;
import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.User;
import io.warren.server.WarrenVersion;
import io.warren.server.management.ManagementFixture;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefinitionsResourceTest {
    private static final String HASH = new PasswordHasher(1_000).hash("pw".toCharArray());

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

    /** Two vhosts, users and permissions, and topology of every kind, some of it not worth exporting. */
    private void buildTopology() {
        fixture.broker.createVirtualHost("orders");
        fixture.users.setPermissions("mona", "orders", "^o", "", ".*");
        channel.queueDeclare("orders-q", true, false, false, Map.of("x-max-length", 100));
        channel.queueDeclare("temp", false, false, false, Map.of());
        channel.queueDeclare("private", true, true, false, Map.of());
        channel.exchangeDeclare("events", ExchangeType.TOPIC, true, false, false, Map.of("alternate-exchange", "ae"));
        channel.queueBind("orders-q", "amq.topic", "order.#", Map.of());
        channel.queueBind("orders-q", "events", "x", Map.of("x-colour", "red"));
        channel.queueBind("temp", "events", "y", Map.of());
        channel.exchangeBind("events", "amq.direct", "e", Map.of());
    }

    private String exportAll() {
        HttpResponse<String> response = fixture.get("/api/definitions");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theExportHoldsUsersVhostsPermissionsAndTheTopologyWorthRestoring() {
        buildTopology();

        JsonNode file = json(fixture.get("/api/definitions"));

        assertThat(file.get("product_name").asText()).isEqualTo("Warren");
        assertThat(file.get("product_version").asText()).isEqualTo(WarrenVersion.get());
        assertThat(names(file.get("users"))).containsExactly("guest", "mona", "monty", "nobody");
        JsonNode mona = file.get("users").get(1);
        assertThat(mona.get("password_hash").asText()).startsWith("pbkdf2-sha256$");
        assertThat(mona.get("hashing_algorithm").asText()).isEqualTo("pbkdf2-sha256");
        assertThat(mona.get("tags").toString()).isEqualTo("[\"management\"]");
        assertThat(names(file.get("vhosts"))).containsExactly("/", "orders");
        assertThat(file.get("permissions")).hasSize(3);
        assertThat(file.get("permissions").get(2).toString()).isEqualTo("{\"user\":\"mona\",\"vhost\":\"orders\","
                + "\"configure\":\"^o\",\"write\":\"\",\"read\":\".*\"}");
        assertThat(file.get("queues")).hasSize(1);
        assertThat(file.get("queues").get(0).toString()).isEqualTo("{\"name\":\"orders-q\",\"vhost\":\"/\","
                + "\"durable\":true,\"auto_delete\":false,\"arguments\":{\"x-max-length\":100}}");
        assertThat(names(file.get("exchanges"))).containsExactly("events");
        assertThat(file.get("exchanges").get(0).get("type").asText()).isEqualTo("topic");
        assertThat(file.get("bindings")).hasSize(3);
        assertThat(file.get("bindings").get(0).toString()).isEqualTo("{\"source\":\"amq.direct\",\"vhost\":\"/\","
                + "\"destination\":\"events\",\"destination_type\":\"exchange\",\"routing_key\":\"e\","
                + "\"arguments\":{}}");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(e -> names.add(e.get("name").asText()));
        return names;
    }

    @Test
    void anExportImportedAfterEverythingWasDeletedGivesTheSameExport() {
        buildTopology();
        String before = exportAll();
        fixture.delete("/api/queues/%2F/orders-q");
        fixture.delete("/api/exchanges/%2F/events");
        for (String user : List.of("mona", "monty", "nobody")) {
            fixture.delete("/api/users/" + user);
        }
        fixture.delete("/api/permissions/%2F/guest");
        assertThat(exportAll()).isNotEqualTo(before);

        HttpResponse<String> imported = fixture.post("/api/definitions", before);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(204);
        assertThat(exportAll()).isEqualTo(before);
        assertThat(fixture.users.user("mona").orElseThrow().tags()).containsExactly(User.MANAGEMENT);
        assertThat(fixture.get("/api/whoami", "mona", "mona-pw").statusCode()).isEqualTo(200);
    }

    @Test
    void importingTheSameFileTwiceIsHarmless() {
        buildTopology();
        String file = exportAll();

        assertThat(fixture.post("/api/definitions", file).statusCode()).isEqualTo(204);
        assertThat(fixture.post("/api/definitions", file).statusCode()).isEqualTo(204);

        assertThat(exportAll()).isEqualTo(file);
    }

    @Test
    void aNewBrokerIsBuiltFromAFileInDependencyOrder() {
        String file = "{\"bindings\":[{\"source\":\"in\",\"vhost\":\"shop\",\"destination\":\"work\","
                + "\"destination_type\":\"queue\",\"routing_key\":\"k\",\"arguments\":{}}],"
                + "\"queues\":[{\"name\":\"work\",\"vhost\":\"shop\",\"durable\":true,\"auto_delete\":false,"
                + "\"arguments\":{}}],"
                + "\"exchanges\":[{\"name\":\"in\",\"vhost\":\"shop\",\"type\":\"direct\",\"durable\":true,"
                + "\"auto_delete\":false,\"internal\":false,\"arguments\":{}}],"
                + "\"permissions\":[{\"user\":\"shopper\",\"vhost\":\"shop\",\"configure\":\"\",\"write\":\"^in$\","
                + "\"read\":\"^work$\"}],"
                + "\"users\":[{\"name\":\"shopper\",\"password_hash\":\"" + HASH + "\",\"tags\":\"management\"}],"
                + "\"vhosts\":[{\"name\":\"shop\"}]}";

        HttpResponse<String> response = fixture.post("/api/definitions", file);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        VirtualHost shop = fixture.broker.virtualHost("shop");
        assertThat(shop.hasQueue("work")).isTrue();
        assertThat(shop.allBindings()).hasSize(1);
        assertThat(fixture.users.permissions("shopper").get("shop").write()).isEqualTo("^in$");
        assertThat(fixture.get("/api/whoami", "shopper", "pw").statusCode()).isEqualTo(200);
    }

    @Test
    void aBadFileIsABadRequestNamingTheEntryAndNothingIsApplied() {
        String file = "{\"vhosts\":[{\"name\":\"new-vh\"}],"
                + "\"users\":[{\"name\":\"newbie\",\"password_hash\":\"" + HASH + "\",\"tags\":[]}],"
                + "\"queues\":[{\"name\":\"nq\",\"vhost\":\"new-vh\",\"durable\":true}],"
                + "\"bindings\":[{\"source\":\"amq.direct\",\"vhost\":\"new-vh\",\"destination\":\"missing\","
                + "\"destination_type\":\"queue\",\"routing_key\":\"k\"}]}";

        HttpResponse<String> response = fixture.post("/api/definitions", file);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).isEqualTo("definitions bindings[0]: binding from "
                + "'amq.direct' to queue 'missing' in vhost 'new-vh': queue 'missing' does not exist and the file does "
                + "not declare it");
        assertThat(fixture.broker.virtualHostNames()).containsExactly("/");
        assertThat(fixture.users.user("newbie")).isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithItsSectionAndEntry() {
        HttpResponse<String> response = fixture.post("/api/definitions",
                "{\"queues\":[{\"name\":\"a\",\"vhost\":\"/\"},{\"name\":\"b\",\"vhost\":\"/\",\"durable\":\"yes\"}]}");
        HttpResponse<String> notAnArray = fixture.post("/api/definitions", "{\"queues\":{}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText())
                .isEqualTo("definitions queues[1]: field 'queues[1].durable' must be true or false, got string");
        assertThat(root.hasQueue("a")).isFalse();
        assertThat(json(notAnArray).get("reason").asText())
                .isEqualTo("definitions: field 'queues' must be an array of objects, got object");
    }

    @Test
    void aPasswordHashThatIsNotWarrensIsRefusedNamingTheUserAndTheFormat() {
        HttpResponse<String> response = fixture.post("/api/definitions", "{\"users\":[{\"name\":\"rabbit\","
                + "\"password_hash\":\"kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR\","
                + "\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":\"administrator\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText())
                .startsWith("definitions users[0]: user 'rabbit': hashing_algorithm is "
                        + "'rabbit_password_hashing_sha256'")
                .contains("pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>");
        assertThat(fixture.users.user("rabbit")).isEmpty();
    }

    @Test
    void anEntryThatContradictsTheBrokerIsRefusedBeforeAnythingIsApplied() {
        channel.queueDeclare("orders-q", true, false, false, Map.of("x-max-length", 100));
        String file = "{\"vhosts\":[{\"name\":\"later\"}],"
                + "\"queues\":[{\"name\":\"orders-q\",\"vhost\":\"/\",\"durable\":true,"
                + "\"arguments\":{\"x-max-length\":5}}]}";

        HttpResponse<String> response = fixture.post("/api/definitions", file);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).isEqualTo("definitions queues[0]: queue 'orders-q' in "
                + "vhost '/': queue 'orders-q' exists with other properties: argument 'x-max-length' differs");
        assertThat(fixture.broker.virtualHostNames()).doesNotContain("later");
    }

    @Test
    void oneVhostsTopologyIsExportedWithoutVhostsAndImportedIntoAnother() {
        buildTopology();

        JsonNode file = json(fixture.get("/api/definitions/%2F"));
        HttpResponse<String> imported = fixture.post("/api/definitions/orders", file.toString());

        assertThat(file.has("users")).isFalse();
        assertThat(file.has("permissions")).isFalse();
        assertThat(file.get("queues").get(0).has("vhost")).isFalse();
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(204);
        VirtualHost orders = fixture.broker.virtualHost("orders");
        assertThat(orders.queueNames()).containsExactly("orders-q");
        assertThat(orders.allBindings()).hasSize(3);
        assertThat(fixture.get("/api/definitions/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void definitionsAreForAdministratorsOnly() {
        assertThat(fixture.get("/api/definitions", "monty", "monty-pw").statusCode()).isEqualTo(403);
        assertThat(fixture.send("POST", "/api/definitions", "{}", "mona", "mona-pw").statusCode()).isEqualTo(403);
        assertThat(fixture.users.users()).extracting(User::name).containsExactlyElementsOf(
                Set.of("guest", "mona", "monty", "nobody").stream().sorted().toList());
    }
}
