package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.broker.security.PasswordHasher;
import io.warren.server.management.ManagementFixture;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersResourceTest {
    private ManagementFixture fixture;

    @BeforeEach
    void start() {
        fixture = ManagementFixture.start();
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
    void administratorsListUsersWithTagsAndHashes() {
        HttpResponse<String> response = fixture.get("/api/users");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode users = json(response);
        assertThat(names(users)).containsExactly("guest", "mona", "monty", "nobody");
        JsonNode guest = users.get(0);
        assertThat(guest.get("tags").toString()).isEqualTo("[\"administrator\"]");
        assertThat(guest.get("password_hash").asText()).startsWith("pbkdf2-sha256$1000$");
        assertThat(guest.get("hashing_algorithm").asText()).isEqualTo("pbkdf2-sha256");
    }

    @Test
    void oneUserIsShownByName() {
        JsonNode mona = json(fixture.get("/api/users/mona"));

        assertThat(mona.get("name").asText()).isEqualTo("mona");
        assertThat(mona.get("tags").toString()).isEqualTo("[\"management\"]");
    }

    @Test
    void anUnknownUserIsNotFound() {
        HttpResponse<String> response = fixture.get("/api/users/ghost");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("reason").asText()).isEqualTo("user 'ghost' not found");
    }

    @Test
    void aPutUserIsCreatedAndCanLogIn() {
        HttpResponse<String> created = fixture.put("/api/users/carol",
                "{\"password\":\"carol-pw\",\"tags\":\"management,monitoring\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(fixture.users.user("carol").orElseThrow().tags()).containsExactlyInAnyOrder("management",
                "monitoring");
        HttpResponse<String> whoami = fixture.get("/api/whoami", "carol", "carol-pw");
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(json(whoami).get("tags").toString()).isEqualTo("[\"management\",\"monitoring\"]");
    }

    @Test
    void aUserCanBeCreatedFromAPasswordHashAndTagsGivenAsAnArray() {
        String hash = new PasswordHasher(500).hash("dave-pw".toCharArray());

        HttpResponse<String> created = fixture.put("/api/users/dave",
                "{\"password_hash\":\"" + hash + "\",\"tags\":[\"administrator\"]}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(fixture.get("/api/users", "dave", "dave-pw").statusCode()).isEqualTo(200);
    }

    @Test
    void puttingAnExistingUserChangesWhatTheBodyGives() {
        HttpResponse<String> updated = fixture.put("/api/users/mona", "{\"password\":\"new-pw\"}");

        assertThat(updated.statusCode()).isEqualTo(204);
        assertThat(fixture.get("/api/whoami", "mona", "mona-pw").statusCode()).isEqualTo(401);
        assertThat(fixture.get("/api/whoami", "mona", "new-pw").statusCode()).isEqualTo(200);
        assertThat(fixture.users.user("mona").orElseThrow().tags()).containsExactly("management");
        assertThat(fixture.users.permissions("mona")).containsOnlyKeys("/");

        assertThat(fixture.put("/api/users/mona", "{\"tags\":\"\"}").statusCode()).isEqualTo(204);
        assertThat(fixture.users.user("mona").orElseThrow().tags()).isEmpty();
    }

    @Test
    void aNewUserNeedsAPassword() {
        HttpResponse<String> response = fixture.put("/api/users/erin", "{\"tags\":\"management\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).contains("'password'", "'password_hash'");
        assertThat(fixture.users.user("erin")).isEmpty();
    }

    @Test
    void aMalformedPasswordHashIsABadRequestAndChangesNothing() {
        HttpResponse<String> response = fixture.put("/api/users/mona", "{\"password_hash\":\"md5$abc\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).contains("password hash");
        assertThat(fixture.get("/api/whoami", "mona", "mona-pw").statusCode()).isEqualTo(200);
    }

    @Test
    void tagsOfTheWrongTypeAreABadRequest() {
        HttpResponse<String> response = fixture.put("/api/users/erin", "{\"password\":\"p\",\"tags\":[1]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).contains("field 'tags'", "element 0 is number");
    }

    @Test
    void aDeletedUserIsGoneAndCanNoLongerLogIn() {
        assertThat(fixture.delete("/api/users/mona").statusCode()).isEqualTo(204);

        assertThat(fixture.users.user("mona")).isEmpty();
        assertThat(fixture.get("/api/whoami", "mona", "mona-pw").statusCode()).isEqualTo(401);
        assertThat(fixture.delete("/api/users/mona").statusCode()).isEqualTo(404);
    }

    @Test
    void monitoringUsersMayNotManageUsers() {
        HttpResponse<String> response = fixture.send("PUT", "/api/users/x", "{\"password\":\"p\"}", "monty",
                "monty-pw");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("reason").asText()).contains("administrator");
        assertThat(fixture.users.user("x")).isEmpty();
    }
}
