package io.warren.server.management;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP listener as a client sees it: authentication, error replies, console files, keep-alive, closing. */
class ManagementServerTest {
    private ManagementFixture fixture;

    @BeforeEach
    void start() {
        fixture = ManagementFixture.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static void assertError(HttpResponse<String> response, int status, String error, String reasonPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("reason").asText()).contains(reasonPart);
    }

    @Test
    void aRequestWithoutCredentialsIsUnauthorizedWithABasicChallenge() {
        HttpResponse<String> response = fixture.get("/api/overview", null, null);

        assertError(response, 401, "not_authorized", "credentials required");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Warren Management\"");
    }

    @Test
    void aWrongPasswordIsUnauthorizedAndLooksLikeAnUnknownUser() {
        HttpResponse<String> wrong = fixture.get("/api/overview", "guest", "not-guest");
        HttpResponse<String> unknown = fixture.get("/api/overview", "ghost", "whatever");

        assertError(wrong, 401, "not_authorized", "Login was refused");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(json(unknown)).isEqualTo(json(wrong));
    }

    @Test
    void malformedBasicCredentialsAreUnauthorized() {
        HttpResponse<String> notBase64 = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/whoami"))
                .header("Authorization", "Basic !!!").build());
        HttpResponse<String> bearer = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/whoami"))
                .header("Authorization", "Bearer abc").build());

        assertError(notBase64, 401, "not_authorized", "not base64");
        assertError(bearer, 401, "not_authorized", "only HTTP Basic");
    }

    @Test
    void aUserWithoutAManagementTagIsUnauthorized() {
        HttpResponse<String> response = fixture.get("/api/overview", "nobody", "nobody-pw");

        assertError(response, 401, "not_authorized", "user 'nobody' is not a management user");
        assertThat(json(response).get("reason").asText()).contains("management", "monitoring", "administrator");
    }

    @Test
    void aManagementUserAskingForAnAdministratorResourceIsRefusedNamingTheTag() {
        HttpResponse<String> response = fixture.get("/api/users", "mona", "mona-pw");

        assertError(response, 403, "access_refused", "needs the administrator tag");
        assertThat(json(response).get("reason").asText()).contains("'mona'", "management");
    }

    @Test
    void anUnknownApiPathIsNotFound() {
        assertError(fixture.get("/api/no-such-thing"), 404, "Object Not Found", "/api/no-such-thing");
    }

    @Test
    void anUnknownPathIsNotFoundEvenWithoutCredentials() {
        assertError(fixture.get("/api/no-such-thing", null, null), 404, "Object Not Found", "no API resource");
    }

    @Test
    void aMethodTheResourceLacksIsNotAllowedWithTheAllowedOnesListed() {
        HttpResponse<String> response = fixture.send("POST", "/api/overview", "{}", "guest", "guest");

        assertError(response, 405, "method_not_allowed", "POST is not allowed on /api/overview");
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void badJsonIsABadRequestSayingWhere() {
        HttpResponse<String> response = fixture.put("/api/users/carol", "{\"password\": \"x\",}");

        assertError(response, 400, "bad_request", "body is not valid JSON");
        assertThat(json(response).get("reason").asText()).contains("line 1, column");
    }

    @Test
    void aFieldOfTheWrongTypeIsABadRequestNamingTheField() {
        HttpResponse<String> response = fixture.put("/api/users/carol", "{\"password\": 42}");

        assertError(response, 400, "bad_request", "field 'password' must be a string, got number");
    }

    @Test
    void aBodyThatIsNotAnObjectIsABadRequest() {
        assertError(fixture.put("/api/users/carol", "[1, 2]"), 400, "bad_request", "must be a JSON object, got array");
    }

    @Test
    void theRootServesTheConsoleIndexAsHtmlWithRevalidationHeaders() {
        HttpResponse<String> response = fixture.get("/", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).containsIgnoringCase("<html");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(fixture.get("/console/", null, null).body()).isEqualTo(response.body());
        assertThat(fixture.get("/index.html", null, null).body()).isEqualTo(response.body());
    }

    @Test
    void anUnchangedConsoleFileIsNotSentAgain() {
        String etag = fixture.get("/", null, null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = fixture.send(HttpRequest.newBuilder(fixture.uri("/"))
                .header("If-None-Match", etag).build());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void dotDotInAConsolePathIsRefused() {
        assertThat(fixture.get("/console/%2e%2e/ManagementServer.class", null, null).statusCode()).isEqualTo(400);
        assertThat(fixture.get("/..%2f..%2fmanagement/ManagementServer.class", null, null).statusCode())
                .isEqualTo(400);
        assertThat(rawRequestLine("GET /../io/warren/server/version.properties HTTP/1.1"))
                .startsWith("HTTP/1.1 400");
    }

    @Test
    void aMissingConsoleFileIsNotFound() {
        assertThat(fixture.get("/console/nothing-here.js", null, null).statusCode()).isEqualTo(404);
        assertThat(fixture.get("/console/noextension", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void consoleFilesAreReadOnly() {
        HttpResponse<String> response = fixture.send("POST", "/index.html", "x", null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() {
        HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/whoami"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", ManagementFixture.basic("guest", "guest")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValueAsLong("Content-Length").orElseThrow()).isPositive();
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() throws Exception {
        String auth = ManagementFixture.basic("guest", "guest");
        String requests = "GET /api/whoami HTTP/1.1\r\nHost: x\r\nAuthorization: " + auth + "\r\n\r\n"
                + "GET /api/no-such-thing HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /api/vhosts/%2F HTTP/1.1\r\nHost: x\r\nAuthorization: " + auth + "\r\nConnection: close\r\n\r\n";

        String answers = exchange(requests);

        int first = answers.indexOf("\"name\":\"guest\"");
        int second = answers.indexOf("HTTP/1.1 404");
        int third = answers.indexOf("\"name\":\"/\"");
        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void closingTheServerReleasesItsPort() {
        int port = fixture.server.port();
        assertThat(fixture.server.uri().toString()).isEqualTo("http://127.0.0.1:" + port + "/");

        fixture.server.close();

        assertThat(fixture.server.port()).isEqualTo(-1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .isInstanceOf(ConnectException.class);
    }

    private String rawRequestLine(String requestLine) {
        return exchange(requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    /** Writes {@code requests} on one connection and reads until the server closes it. */
    private String exchange(String requests) {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
