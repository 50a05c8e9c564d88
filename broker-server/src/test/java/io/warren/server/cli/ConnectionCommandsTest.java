package io.warren.server.cli;

import static io.warren.server.cli.CtlRun.against;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.server.cli.StubManagementApi.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectionCommandsTest {
    private static final String NAME = "127.0.0.1:50000 -> 127.0.0.1:5672";
    private static final String TARGET = "/api/connections/127.0.0.1%3A50000%20-%3E%20127.0.0.1%3A5672";

    @RegisterExtension
    final StubManagementApi api = StubManagementApi.started();

    @Test
    void closeConnectionDeletesItByItsEncodedNameWithTheReasonInXReason() {
        api.reply("DELETE", TARGET, 204, "");

        CtlRun run = against(api, "close", "connection", NAME, "--reason=maintenance window");

        assertThat(run.exitCode()).isZero();
        Request request = api.onlyRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.header("X-Reason")).isEqualTo("maintenance window");
        assertThat(run.outLines()).containsExactly("closed connection '" + NAME + "'");
    }

    @Test
    void closeConnectionWithoutReasonSendsNoReasonHeader() {
        api.reply("DELETE", TARGET, 204, "");

        assertThat(against(api, "close", "connection", NAME).exitCode()).isZero();
        assertThat(api.onlyRequest().header("X-Reason")).isNull();
    }

    @Test
    void aReasonOfMoreThanOneLineIsAUsageError() {
        CtlRun run = against(api, "close", "connection", NAME, "--reason=a\nb");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--reason: one line of Latin-1 text");
        assertThat(api.requests()).isEmpty();
    }
}
