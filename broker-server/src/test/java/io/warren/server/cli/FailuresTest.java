package io.warren.server.cli;

import static io.warren.server.cli.CtlRun.against;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FailuresTest {
    private static final String PASSWORD = "Sup3r-S3cret";

    @RegisterExtension
    final StubManagementApi api = StubManagementApi.started();

    /** A loopback port nothing listens on: bound by us, then released. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aMissingObjectExitsWithOneAndPrintsTheServersReason() {
        api.reply("DELETE", "/api/queues/%2F/x/contents", 404,
                "{\"error\":\"Object Not Found\",\"reason\":\"no queue 'x' in vhost '/'\"}");

        CtlRun run = against(api, "purge", "queue", "x");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("error: 404 Object Not Found: no queue 'x' in vhost '/'");
    }

    @Test
    void aRejectedLoginExitsWithOneAndSaysTheLoginFailedForWhomAndWhere() {
        api.reply("GET", "/api/overview", 401, "{\"error\":\"not_authorized\",\"reason\":\"Login failed\"}");

        CtlRun run = against(api, "--user=ops", "overview");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("error: login failed for user 'ops' at " + api.url()
                + " (401 not_authorized: Login failed)");
    }

    @Test
    void aRefusedPermissionExitsWithOneAndShowsWhichPermission() {
        api.reply("PUT", "/api/queues/%2F/q", 403,
                "{\"error\":\"access_refused\",\"reason\":\"user 'app' lacks configure permission on queue 'q'\"}");

        CtlRun run = against(api, "declare", "queue", "q");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: 403 access_refused: user 'app' lacks configure permission on queue "
                + "'q'" + System.lineSeparator());
    }

    @Test
    void anErrorPageThatIsNotJsonIsShownByItsFirstLine() {
        api.reply("GET", "/api/overview", 502, "<html><body>Bad Gateway</body></html>\n<p>nginx</p>");

        CtlRun run = against(api, "overview");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("error: 502 HTTP error: <html><body>Bad Gateway</body></html>");
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonIsAServerError() {
        api.reply("GET", "/api/overview", 200, "Welcome to nginx!");

        CtlRun run = against(api, "overview");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: 200 bad_response: the answer is not JSON: Welcome to nginx!");
    }

    @Test
    void aRedirectIsNotFollowedSoTheCredentialsGoNowhereElse() {
        api.reply("GET", "/api/overview", 301, "");

        CtlRun run = against(api, "overview");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("redirect");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void aRefusedConnectionExitsWithThreeAndOneLineNamingTheUrlAndTheCause() throws Exception {
        int port = closedPort();

        CtlRun run = CtlRun.run("--url=http://127.0.0.1:" + port, "list", "queues");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "error: cannot connect to http://127.0.0.1:" + port + ": Connection refused");
    }

    @Test
    void verboseAddsTheStackTraceOfAConnectionFailure() throws Exception {
        CtlRun run = CtlRun.run("--url=http://127.0.0.1:" + closedPort(), "--verbose", "list", "queues");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("java.net.ConnectException").contains("\tat ");
    }

    @Test
    void verboseTracesEachRequestAndAnswerWithoutTheAuthorizationHeader() {
        api.reply("GET", "/api/queues/%2F", 200, "[]");

        CtlRun run = against(api, "--verbose", "list", "queues");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err()).startsWith("> GET " + api.url() + "/api/queues/%2F (user guest)")
                .contains("< 200 (").doesNotContain("Authorization").doesNotContain("Basic");
    }

    @Test
    void thePasswordAppearsNowhereWhateverHappens() throws Exception {
        String token = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        api.reply("GET", "/api/queues/%2F", 200, "[]");
        api.reply("GET", "/api/overview", 401, "{\"error\":\"not_authorized\",\"reason\":\"Login failed\"}");
        Map<String, String> environment = Map.of("WARREN_PASSWORD", PASSWORD);
        String url = "--url=" + api.url();

        CtlRun[] runs = {
            CtlRun.run("--verbose", url, "--user=admin", "--password=" + PASSWORD, "list", "queues"),
            CtlRun.run("--verbose", url, "--user", "admin", "--password", PASSWORD, "overview"),
            CtlRun.run(environment, "", "--verbose", url, "--user=admin", "overview"),
            CtlRun.run("--verbose", "--url=http://127.0.0.1:" + closedPort(), "--password=" + PASSWORD, "overview"),
            CtlRun.run("--verbose", "--url=http://admin:" + PASSWORD + "@127.0.0.1:1", "overview"),
            CtlRun.run("--verbose", "--url=http//admin:" + PASSWORD + "@127.0.0.1:1", "overview"),
            CtlRun.run(Map.of("WARREN_URL", "htp://admin:" + PASSWORD + "@x"), "", "overview"),
            CtlRun.run("--verbose", url, "-p" + PASSWORD, "overview"),
            CtlRun.run("--verbose", url, "--password=" + PASSWORD, "frobnicate"),
            CtlRun.run("--verbose", url, "--password=" + PASSWORD, "list", "queues", "--bogus=1"),
            CtlRun.run("--verbose", url, "--password=" + PASSWORD, "--help"),
        };

        assertThat(api.requests()).isNotEmpty().allSatisfy(request ->
                assertThat(request.header("Authorization")).isEqualTo("Basic " + token));
        for (CtlRun run : runs) {
            assertThat(run.all()).doesNotContain(PASSWORD).doesNotContain(token);
        }
    }

    @Test
    void theEnvironmentGivesUrlAndCredentialsWhenTheCommandLineDoesNot() {
        api.reply("GET", "/api/vhosts", 200, "[]");
        Map<String, String> environment = Map.of("WARREN_URL", api.url(), "WARREN_USER", "ops",
                "WARREN_PASSWORD", "pw");

        CtlRun run = CtlRun.run(environment, "", "list", "vhosts");

        assertThat(run.exitCode()).isZero();
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Basic b3BzOnB3");
    }

    @Test
    void noCommandIsAUsageError() {
        CtlRun run = CtlRun.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "error: no command given; warren-ctl help lists the commands",
                "usage: warren-ctl [OPTIONS] COMMAND [ARGUMENTS]");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CtlRun run = CtlRun.run("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: unknown command 'frobnicate'; warren-ctl help lists the commands");
    }

    @Test
    void anUnknownObjectOfAKnownVerbListsWhatTheVerbTakes() {
        CtlRun run = CtlRun.run("list", "queus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).contains("error: unknown command 'list queus'; list takes: queues, "
                + "exchanges, bindings, connections, channels, consumers, users, vhosts, permissions");
        assertThat(run.err()).contains("usage: warren-ctl list queues [--all-vhosts]",
                "       warren-ctl list permissions");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithTheUsageLineOfTheCommand() {
        CtlRun run = CtlRun.run("list", "queues", "--colour=red");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("error: list queues: unknown option --colour",
                "usage: warren-ctl list queues [--all-vhosts]");
    }

    @Test
    void anUnexpectedExtraWordIsAUsageError() {
        CtlRun run = CtlRun.run("overview", "now");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: overview: unexpected argument 'now'");
    }
}
