package io.warren.server.cli;

import static io.warren.server.cli.CtlRun.against;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.server.cli.StubManagementApi.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QueueCommandsTest {
    @RegisterExtension
    final StubManagementApi api = StubManagementApi.started();

    @Test
    void declareQueuePutsADurableQueueWithItsArguments() throws Exception {
        api.reply("PUT", "/api/queues/%2F/orders", 201, "");

        CtlRun run = against(api, "declare", "queue", "orders", "--arguments={\"x-message-ttl\":60000}");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("declared queue 'orders' in vhost '/'");
        Request request = api.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Basic Z3Vlc3Q6Z3Vlc3Q=");
        assertThat(Json.parse(request.body())).isEqualTo(Json.parse(
                "{\"durable\":true,\"auto_delete\":false,\"arguments\":{\"x-message-ttl\":60000}}"));
    }

    @Test
    void declareQueueTakesDurableFalseAndAutoDeleteAlone() throws Exception {
        api.reply("PUT", "/api/queues/dev/scratch", 201, "");

        CtlRun run = against(api, "--vhost=dev", "declare", "queue", "scratch", "--durable=false", "--auto-delete");

        assertThat(run.exitCode()).isZero();
        assertThat(Json.parse(api.onlyRequest().body())).isEqualTo(Json.parse(
                "{\"durable\":false,\"auto_delete\":true,\"arguments\":{}}"));
    }

    @Test
    void argumentsThatAreNotAJsonObjectAreAUsageErrorAndNothingIsSent() {
        CtlRun run = against(api, "declare", "queue", "orders", "--arguments=[1]");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "error: --arguments: expected a JSON object such as {\"x-message-ttl\":60000}",
                "usage: warren-ctl declare queue NAME [--durable=true|false] [--auto-delete=true|false] "
                        + "[--arguments=JSON]");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void deleteQueueSendsIfEmptyAndIfUnusedAsQueryParameters() {
        api.reply("DELETE", "/api/queues/%2F/orders?if-empty=true&if-unused=true", 204, "");

        CtlRun run = against(api, "delete", "queue", "orders", "--if-empty", "--if-unused");

        assertThat(run.exitCode()).isZero();
        assertThat(api.onlyRequest().method()).isEqualTo("DELETE");
        assertThat(run.outLines()).containsExactly("deleted queue 'orders' in vhost '/'");
    }

    @Test
    void deleteQueueWithoutConditionsSendsNoQuery() {
        api.reply("DELETE", "/api/queues/%2F/orders", 204, "");

        assertThat(against(api, "delete", "queue", "orders").exitCode()).isZero();
        assertThat(api.onlyRequest().target()).isEqualTo("/api/queues/%2F/orders");
    }

    @Test
    void purgeQueueDeletesItsContents() {
        api.reply("DELETE", "/api/queues/%2F/orders/contents", 204, "");

        CtlRun run = against(api, "purge", "queue", "orders");

        assertThat(run.exitCode()).isZero();
        assertThat(api.onlyRequest().method()).isEqualTo("DELETE");
        assertThat(run.outLines()).containsExactly("purged queue 'orders' in vhost '/'");
    }

    @Test
    void aQueueNameWithSpacesAndSlashesStaysOnePathSegment() {
        api.reply("DELETE", "/api/queues/%2F/a%20b%2Fc/contents", 204, "");

        assertThat(against(api, "purge", "queue", "a b/c").exitCode()).isZero();
    }

    @Test
    void aQueueNameThatBeginsWithADashIsGivenAfterDoubleDash() {
        api.reply("DELETE", "/api/queues/%2F/-odd", 204, "");

        assertThat(against(api, "delete", "queue", "--", "-odd").exitCode()).isZero();
    }

    @Test
    void aMissingQueueNameIsAUsageErrorShowingTheUsageLine() {
        CtlRun run = against(api, "purge", "queue");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("error: purge queue: missing NAME",
                "usage: warren-ctl purge queue NAME");
    }

    @Test
    void anEmptyQueueNameIsAUsageError() {
        CtlRun run = against(api, "purge", "queue", "");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("NAME is empty");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void anOptionOfAnotherCommandIsAUsageError() {
        CtlRun run = against(api, "purge", "queue", "orders", "--if-empty");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: purge queue: unknown option --if-empty");
    }
}
