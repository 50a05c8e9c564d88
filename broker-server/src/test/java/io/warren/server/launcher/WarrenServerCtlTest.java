package io.warren.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.server.cli.StubManagementApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar warren-server.jar ctl ...}: the launcher's main in a child JVM, as the jar runs it. */
class WarrenServerCtlTest {
    @TempDir
    Path dir;

    private record Exit(int status, String out, String err) {
    }

    private Exit runMain(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), WarrenServer.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not exit: " + Files.readString(err));
        }
        return new Exit(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void ctlAsTheFirstArgumentRunsWarrenCtlInsteadOfTheBroker() throws Exception {
        try (StubManagementApi api = StubManagementApi.start()) {
            api.reply("GET", "/api/vhosts", 200,
                    "[{\"name\":\"/\",\"messages\":3,\"messages_ready\":2,\"messages_unacknowledged\":1}]");

            Exit exit = runMain(WarrenServer.CTL_COMMAND, "--url=" + api.url(), "list", "vhosts");

            assertThat(exit.status()).as(exit.err()).isZero();
            assertThat(exit.out().lines()).containsExactly(
                    "name  messages  ready  unacked",
                    "/            3      2        1");
            assertThat(api.onlyRequest().target()).isEqualTo("/api/vhosts");
        }
    }

    @Test
    void theProcessExitsWithTheStatusOfTheCommand() throws Exception {
        Exit exit = runMain(WarrenServer.CTL_COMMAND, "frobnicate");

        assertThat(exit.status()).isEqualTo(2);
        assertThat(exit.err()).startsWith("error: unknown command 'frobnicate'").doesNotContain("warren:");
    }
}
