package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.broker.security.Permission;
import io.warren.server.management.ManagementFixture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PermissionsResourceTest {
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

    @Test
    void allPermissionsAreListedByVhostThenUser() {
        fixture.users.setPermissions("monty", "orders", "^o", "", ".*");

        JsonNode all = json(fixture.get("/api/permissions"));

        assertThat(all).hasSize(3);
        assertThat(all.get(0).toString()).isEqualTo(
                "{\"user\":\"guest\",\"vhost\":\"/\",\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        assertThat(all.get(1).get("user").asText()).isEqualTo("mona");
        assertThat(all.get(2).get("vhost").asText()).isEqualTo("orders");
        assertThat(all.get(2).get("configure").asText()).isEqualTo("^o");
    }

    @Test
    void aUsersPermissionsAreListedUnderTheUser() {
        JsonNode mona = json(fixture.get("/api/users/mona/permissions"));

        assertThat(mona).hasSize(1);
        assertThat(mona.get(0).get("vhost").asText()).isEqualTo("/");
        assertThat(fixture.get("/api/users/ghost/permissions").statusCode()).isEqualTo(404);
    }

    @Test
    void oneEntryIsShownWithTheDefaultVhostEncoded() {
        HttpResponse<String> response = fixture.get("/api/permissions/%2F/mona");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("vhost").asText()).isEqualTo("/");
        assertThat(json(response).get("write").asText()).isEqualTo(".*");
    }

    @Test
    void aMissingEntryIsNotFoundNamingUserAndVhost() {
        HttpResponse<String> response = fixture.get("/api/permissions/orders/mona");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("reason").asText()).isEqualTo("user 'mona' has no permissions in vhost 'orders'");
    }

    @Test
    void puttingPermissionsCreatesThenReplacesThem() {
        HttpResponse<String> created = fixture.put("/api/permissions/orders/mona",
                "{\"configure\":\"^mona-\",\"write\":\".*\",\"read\":\"\"}");
        HttpResponse<String> replaced = fixture.put("/api/permissions/orders/mona",
                "{\"configure\":\"\",\"write\":\"\",\"read\":\".*\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(replaced.statusCode()).isEqualTo(204);
        assertThat(fixture.users.permissions("mona").get("orders")).isEqualTo(new Permission("orders", "", "", ".*"));
    }

    @Test
    void anInvalidExpressionIsABadRequestNamingIt() {
        HttpResponse<String> response = fixture.put("/api/permissions/orders/mona",
                "{\"configure\":\".*\",\"write\":\"(\",\"read\":\".*\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).contains("write");
        assertThat(fixture.users.permissions("mona")).doesNotContainKey("orders");
    }

    @Test
    void aMissingExpressionIsABadRequestNamingTheField() {
        HttpResponse<String> response = fixture.put("/api/permissions/orders/mona", "{\"configure\":\".*\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).isEqualTo("field 'write' is missing");
    }

    @Test
    void permissionsNeedAnExistingUserAndVhost() {
        String body = "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}";

        HttpResponse<String> noVhost = fixture.put("/api/permissions/nowhere/mona", body);
        HttpResponse<String> noUser = fixture.put("/api/permissions/orders/ghost", body);

        assertThat(noVhost.statusCode()).isEqualTo(404);
        assertThat(json(noVhost).get("reason").asText()).isEqualTo("vhost 'nowhere' not found");
        assertThat(noUser.statusCode()).isEqualTo(404);
        assertThat(json(noUser).get("reason").asText()).isEqualTo("user 'ghost' not found");
    }

    @Test
    void deletedPermissionsAreGone() {
        assertThat(fixture.delete("/api/permissions/%2F/mona").statusCode()).isEqualTo(204);

        assertThat(fixture.users.permissions("mona")).isEmpty();
        assertThat(fixture.delete("/api/permissions/%2F/mona").statusCode()).isEqualTo(404);
    }

    @Test
    void managementUsersMayNotSeePermissions() {
        HttpResponse<String> response = fixture.get("/api/permissions", "mona", "mona-pw");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").asText()).isEqualTo("access_refused");
    }
}
