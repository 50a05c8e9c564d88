package io.warren.server.cli;

import static io.warren.server.cli.CtlRun.against;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExchangeCommandsTest {
    @RegisterExtension
    final StubManagementApi api = StubManagementApi.started();

    @Test
    void declareExchangePutsItsTypeAndProperties() throws Exception {
        api.reply("PUT", "/api/exchanges/%2F/invoices", 201, "");

        CtlRun run = against(api, "declare", "exchange", "invoices", "--type=topic", "--internal=false",
                "--arguments={\"alternate-exchange\":\"unrouted\"}");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("declared exchange 'invoices' in vhost '/'");
        assertThat(Json.parse(api.onlyRequest().body())).isEqualTo(Json.parse("""
                {"type":"topic","durable":true,"auto_delete":false,"internal":false,
                 "arguments":{"alternate-exchange":"unrouted"}}"""));
    }

    @Test
    void declareExchangeWithoutTypeIsAUsageErrorShowingItsUsage() {
        CtlRun run = against(api, "declare", "exchange", "invoices");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("error: declare exchange: missing --type=TYPE",
                "usage: warren-ctl declare exchange NAME --type=TYPE [--durable=true|false] "
                        + "[--auto-delete=true|false] [--internal=true|false] [--arguments=JSON]");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void deleteExchangeIfUnusedSendsTheCondition() {
        api.reply("DELETE", "/api/exchanges/%2F/invoices?if-unused=true", 204, "");

        CtlRun run = against(api, "delete", "exchange", "invoices", "--if-unused");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("deleted exchange 'invoices' in vhost '/'");
    }

    @Test
    void declareBindingPostsTheRoutingKeyToTheExchangeToQueuePath() throws Exception {
        api.reply("POST", "/api/bindings/%2F/e/amq.topic/q/invoices", 201, "");

        CtlRun run = against(api, "declare", "binding", "--source=amq.topic", "--destination=invoices",
                "--routing-key=invoice.#");

        assertThat(run.exitCode()).isZero();
        assertThat(api.onlyRequest().method()).isEqualTo("POST");
        assertThat(Json.parse(api.onlyRequest().body()))
                .isEqualTo(Json.parse("{\"routing_key\":\"invoice.#\",\"arguments\":{}}"));
        assertThat(run.outLines()).containsExactly(
                "bound queue 'invoices' in vhost '/' to exchange 'amq.topic' with routing key 'invoice.#'");
    }

    @Test
    void declareBindingToAnExchangeUsesTheExchangeToExchangePath() throws Exception {
        api.reply("POST", "/api/bindings/%2F/e/events/e/audit", 201, "");

        CtlRun run = against(api, "declare", "binding", "--source=events", "--destination=audit",
                "--destination-type=exchange", "--arguments={\"x-match\":\"any\"}");

        assertThat(run.exitCode()).isZero();
        assertThat(Json.parse(api.onlyRequest().body()))
                .isEqualTo(Json.parse("{\"routing_key\":\"\",\"arguments\":{\"x-match\":\"any\"}}"));
    }

    @Test
    void aDestinationTypeOtherThanQueueOrExchangeIsAUsageError() {
        CtlRun run = against(api, "declare", "binding", "--source=a", "--destination=b", "--destination-type=topic");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--destination-type: expected queue or exchange, got 'topic'");
        assertThat(api.requests()).isEmpty();
    }
}
