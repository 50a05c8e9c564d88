package io.warren.server.cli;

import static io.warren.server.cli.CtlRun.against;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OverviewCommandTest {
    private static final String OVERVIEW = """
            {"product_name":"Warren","product_version":"0.1.0","management_version":"0.1.0","node":"warren@box",
             "cluster_name":"warren@box",
             "object_totals":{"connections":2,"channels":3,"exchanges":7,"queues":4,"consumers":1},
             "queue_totals":{"messages":12,"messages_ready":10,"messages_unacknowledged":2},
             "message_stats":{"publish":100,"publish_details":{"rate":2.4},"deliver_get":90,
                              "deliver_get_details":{"rate":2.0},"ack":88,"ack_details":{"rate":1.8},
                              "redeliver":1,"redeliver_details":{"rate":0.0}},
             "listeners":[{"protocol":"amqp","ip_address":"0.0.0.0","port":5672},
                          {"protocol":"http","ip_address":"::","port":15672}],
             "memory":{"used":52428800,"limit":1073741824,"alarm":false}}""";

    @RegisterExtension
    final StubManagementApi api = StubManagementApi.started();

    @Test
    void overviewShowsProductNodeTotalsRatesListenersAndMemory() {
        api.reply("GET", "/api/overview", 200, OVERVIEW);

        CtlRun run = against(api, "overview");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "field                    value",
                "product                  Warren 0.1.0",
                "management_version       0.1.0",
                "node                     warren@box",
                "cluster_name             warren@box",
                "connections              2",
                "channels                 3",
                "exchanges                7",
                "queues                   4",
                "consumers                1",
                "messages                 12",
                "messages_ready           10",
                "messages_unacknowledged  2",
                "publish_rate             2.4",
                "deliver_get_rate         2.0",
                "ack_rate                 1.8",
                "redeliver_rate           0.0",
                "listeners                amqp 0.0.0.0:5672, http [::]:15672",
                "memory_used              52428800",
                "memory_limit             1073741824",
                "memory_alarm             false");
    }

    @Test
    void figuresTheServerLeavesOutAreEmpty() {
        api.reply("GET", "/api/overview", 200, "{\"product_name\":\"Warren\",\"product_version\":\"0.1.0\"}");

        CtlRun run = against(api, "--format=tsv", "overview");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains("product\tWarren 0.1.0", "publish_rate\t", "listeners\t");
    }

    @Test
    void overviewAsJsonIsTheServersAnswer() throws Exception {
        api.reply("GET", "/api/overview", 200, OVERVIEW);

        assertThat(Json.parse(against(api, "overview", "--format=json").out())).isEqualTo(Json.parse(OVERVIEW));
    }
}
