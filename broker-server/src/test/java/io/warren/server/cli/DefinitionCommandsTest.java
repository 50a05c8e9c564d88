package io.warren.server.cli;

import static io.warren.server.cli.CtlRun.against;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DefinitionCommandsTest {
    private static final String DEFINITIONS = """
            {"product_name":"Warren","product_version":"0.1.0",
             "users":[{"name":"admin","password_hash":"aGFzaA==","hashing_algorithm":"rabbit_password_hashing_sha256",
                       "tags":["administrator"]}],
             "vhosts":[{"name":"/"}],
             "permissions":[{"user":"admin","vhost":"/","configure":".*","write":".*","read":".*"}],
             "queues":[{"name":"orders","vhost":"/","durable":true,"auto_delete":false,
                        "arguments":{"x-message-ttl":60000,"x-ratio":0.50}}],
             "exchanges":[],"bindings":[]}
            """;

    @RegisterExtension
    final StubManagementApi api = StubManagementApi.started();

    @TempDir
    Path dir;

    @Test
    void exportWritesTheDefinitionsOfTheWholeBrokerToTheFile() throws Exception {
        api.reply("GET", "/api/definitions", 200, DEFINITIONS);
        Path file = dir.resolve("backup.json");

        CtlRun run = against(api, "export", "definitions", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("exported the definitions of the broker to " + file);
        String written = Files.readString(file);
        assertThat(Json.parse(written)).isEqualTo(Json.parse(DEFINITIONS));
        assertThat(written).contains("0.50");
    }

    @Test
    void exportWithVhostAsksForThatVhostOnly() {
        api.reply("GET", "/api/definitions/%2F", 200, DEFINITIONS);

        CtlRun run = against(api, "--vhost=/", "export", "definitions", dir.resolve("d.json").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("definitions of vhost '/'");
    }

    @Test
    void exportToDashWritesTheJsonToStandardOutputAndNothingElse() throws Exception {
        api.reply("GET", "/api/definitions", 200, DEFINITIONS);

        CtlRun run = against(api, "export", "definitions", "-");

        assertThat(run.exitCode()).isZero();
        assertThat(Json.parse(run.out())).isEqualTo(Json.parse(DEFINITIONS));
    }

    @Test
    void exportIntoADirectoryThatDoesNotExistIsAUsageError() {
        api.reply("GET", "/api/definitions", 200, DEFINITIONS);
        Path file = dir.resolve("missing/backup.json");

        CtlRun run = against(api, "export", "definitions", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: cannot write " + file + ": no such file or directory");
    }

    @Test
    void importPostsTheFileByteForByte() throws Exception {
        api.reply("POST", "/api/definitions", 204, "");
        Path file = Files.writeString(dir.resolve("backup.json"), DEFINITIONS);

        CtlRun run = against(api, "import", "definitions", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(api.onlyRequest().method()).isEqualTo("POST");
        assertThat(api.onlyRequest().body()).isEqualTo(DEFINITIONS);
        assertThat(api.onlyRequest().header("Content-Type")).isEqualTo("application/json");
        assertThat(run.outLines()).containsExactly("imported the definitions in " + file + " into the broker");
    }

    @Test
    void importFromDashReadsStandardInputIntoTheGivenVhost() {
        api.reply("POST", "/api/definitions/dev", 204, "");

        CtlRun run = CtlRun.run(Map.of(), DEFINITIONS, "--url=" + api.url(), "--vhost=dev", "import", "definitions",
                "-");

        assertThat(run.exitCode()).isZero();
        assertThat(api.onlyRequest().body()).isEqualTo(DEFINITIONS);
    }

    @Test
    void importOfAFileThatIsNotJsonIsAUsageErrorAndSendsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"queues\": [\n", StandardCharsets.UTF_8);

        CtlRun run = against(api, "import", "definitions", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + file + " is not JSON:");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void importOfAMissingFileIsAUsageError() {
        Path file = dir.resolve("nothing.json");

        CtlRun run = against(api, "import", "definitions", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).contains("error: cannot read " + file + ": no such file or directory");
        assertThat(run.err().lines().skip(1)).containsExactly("usage: warren-ctl import definitions FILE");
    }
}
