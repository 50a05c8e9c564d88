package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.server.management.ManagementFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhoAmIResourceTest {
    private ManagementFixture fixture;

    @BeforeEach
    void start() {
        fixture = ManagementFixture.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void whoamiNamesTheAuthenticatedUserAndItsTags() {
        JsonNode me = json(fixture.get("/api/whoami", "mona", "mona-pw"));

        assertThat(me.get("name").asText()).isEqualTo("mona");
        assertThat(me.get("tags").toString()).isEqualTo("[\"management\"]");
    }

    @Test
    void aTagChangeShowsOnTheNextRequest() {
        fixture.users.setTags("mona", java.util.Set.of("monitoring", "management"));

        assertThat(json(fixture.get("/api/whoami", "mona", "mona-pw")).get("tags").toString())
                .isEqualTo("[\"management\",\"monitoring\"]");
    }
}
