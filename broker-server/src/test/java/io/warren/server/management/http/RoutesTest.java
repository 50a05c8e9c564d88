package io.warren.server.management.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {
    private static final Handler NOTHING = request -> ApiResponse.noContent();

    private static Routes.Found find(Routes routes, HttpMethod method, String path) {
        return routes.find(method, PathSegments.decode(path), path);
    }

    @Test
    void templateSegmentsBecomeDecodedParameters() {
        Routes routes = new Routes().get("/api/permissions/{vhost}/{user}", Access.ADMINISTRATOR, NOTHING);

        Routes.Found found = find(routes, HttpMethod.GET, "/api/permissions/%2F/bob");

        assertThat(found.parameters()).containsEntry("vhost", "/").containsEntry("user", "bob");
        assertThat(found.route().access()).isEqualTo(Access.ADMINISTRATOR);
    }

    @Test
    void aLiteralSegmentBeatsAParameterWhateverTheOrderOfRegistration() {
        Handler special = request -> ApiResponse.ok("special");
        Routes routes = new Routes()
                .get("/api/users/{name}", Access.ADMINISTRATOR, NOTHING)
                .get("/api/users/without-permissions", Access.ADMINISTRATOR, special);

        assertThat(find(routes, HttpMethod.GET, "/api/users/without-permissions").route().handler()).isSameAs(special);
        assertThat(find(routes, HttpMethod.GET, "/api/users/bob").route().handler()).isSameAs(NOTHING);
    }

    @Test
    void headIsAnsweredByTheGetRoute() {
        Routes routes = new Routes().get("/api/overview", Access.MANAGEMENT, NOTHING);

        assertThat(find(routes, HttpMethod.HEAD, "/api/overview").route().method()).isEqualTo(HttpMethod.GET);
    }

    @Test
    void aMissingMethodIs405ListingTheOthers() {
        Routes routes = new Routes()
                .get("/api/vhosts/{vhost}", Access.MANAGEMENT, NOTHING)
                .put("/api/vhosts/{vhost}", Access.ADMINISTRATOR, NOTHING);

        assertThatThrownBy(() -> find(routes, HttpMethod.POST, "/api/vhosts/x"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(405);
                    assertThat(e.headers()).containsEntry("Allow", "GET, HEAD, PUT");
                });
    }

    @Test
    void anUnsupportedMethodIs405WithItsReason() {
        Routes routes = new Routes()
                .get("/api/vhosts/{vhost}", Access.MANAGEMENT, NOTHING)
                .unsupported(HttpMethod.DELETE, "/api/vhosts/{vhost}", "not yet");

        assertThatThrownBy(() -> find(routes, HttpMethod.DELETE, "/api/vhosts/x"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(405);
                    assertThat(e.reason()).isEqualTo("not yet");
                    assertThat(e.headers()).containsEntry("Allow", "GET, HEAD");
                });
    }

    @Test
    void aPathNoTemplateMatchesIs404() {
        Routes routes = new Routes().get("/api/vhosts", Access.MANAGEMENT, NOTHING);

        assertThatThrownBy(() -> find(routes, HttpMethod.GET, "/api/vhosts/a/b"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void registrationMistakesFailAtOnce() {
        Routes routes = new Routes().get("/api/x", Access.MANAGEMENT, NOTHING);

        assertThatThrownBy(() -> routes.get("/api/x", Access.MANAGEMENT, NOTHING))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> routes.get("/console/x", Access.MANAGEMENT, NOTHING))
                .hasMessageContaining("under /api/");
        assertThatThrownBy(() -> routes.get("/api/{a}/{a}", Access.MANAGEMENT, NOTHING))
                .hasMessageContaining("repeats {a}");
        assertThatThrownBy(() -> routes.get("/api/x{y}", Access.MANAGEMENT, NOTHING))
                .hasMessageContaining("malformed");
    }

    @Test
    void theTableDescribesItself() {
        Routes routes = new Routes()
                .get("/api/overview", Access.MANAGEMENT, NOTHING)
                .unsupported(HttpMethod.DELETE, "/api/overview", "no");

        assertThat(routes.describe()).isEqualTo(List.of("GET /api/overview", "DELETE /api/overview (unsupported)"));
    }
}
