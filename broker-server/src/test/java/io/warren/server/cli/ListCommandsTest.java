package io.warren.server.cli;

import static io.warren.server.cli.CtlRun.against;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.server.cli.StubManagementApi.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListCommandsTest {
    private static final String QUEUES = """
            [{"name":"orders","vhost":"/","durable":true,"messages":12,"messages_ready":10,
              "messages_unacknowledged":2,"consumers":1,"state":"running"},
             {"name":"audit","vhost":"/","durable":true,"messages":0,"messages_ready":0,
              "messages_unacknowledged":0,"consumers":0,"state":"running"}]""";

    @RegisterExtension
    final StubManagementApi api = StubManagementApi.started();

    @Test
    void listQueuesGetsTheQueuesOfVhostSlashAsPercent2FWithBasicAuthAndPrintsATable() {
        api.reply("GET", "/api/queues/%2F", 200, QUEUES);

        CtlRun run = against(api, "list", "queues");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        Request request = api.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/api/queues/%2F");
        assertThat(request.header("Authorization")).isEqualTo("Basic Z3Vlc3Q6Z3Vlc3Q=");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(run.outLines()).containsExactly(
                "vhost  name    messages  ready  unacked  consumers",
                "/      orders        12     10        2          1",
                "/      audit          0      0        0          0");
    }

    @Test
    void anotherVhostIsOneEncodedPathSegment() {
        api.reply("GET", "/api/queues/dev%2Fteam%20a", 200, "[]");

        CtlRun run = against(api, "list", "queues", "--vhost=dev/team a");

        assertThat(run.exitCode()).isZero();
        assertThat(api.onlyRequest().target()).isEqualTo("/api/queues/dev%2Fteam%20a");
    }

    @Test
    void allVhostsAsksForTheListOfTheWholeBroker() {
        api.reply("GET", "/api/queues", 200, QUEUES);

        assertThat(against(api, "list", "queues", "--all-vhosts").exitCode()).isZero();
        assertThat(api.onlyRequest().target()).isEqualTo("/api/queues");
    }

    @Test
    void allVhostsTogetherWithVhostIsAUsageErrorAndSendsNothing() {
        CtlRun run = against(api, "list", "queues", "--all-vhosts", "--vhost=/");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --vhost or --all-vhosts, not both");
        assertThat(api.requests()).isEmpty();
    }

    @ParameterizedTest(name = "list {0}")
    @CsvSource(delimiter = '|', value = {
        "exchanges   | /api/exchanges/%2F           | vhost  name  type  durable",
        "bindings    | /api/bindings/%2F            | vhost  source  destination  destination_type  routing_key",
        "connections | /api/vhosts/%2F/connections  | name  user  vhost  protocol  peer  channels",
        "channels    | /api/vhosts/%2F/channels     | name  user  vhost  consumers  unacked  prefetch  confirm  "
                + "transactional",
        "consumers   | /api/consumers/%2F           | vhost  queue  consumer_tag  channel  ack_required  prefetch  "
                + "exclusive",
        "users       | /api/users                   | name  tags",
        "vhosts      | /api/vhosts                  | name  messages  ready  unacked",
        "permissions | /api/permissions             | user  vhost  configure  write  read"})
    void eachListingAsksForItsEndpointAndShowsItsColumns(String what, String target, String header) {
        api.reply("GET", target, 200, "[]");

        CtlRun run = against(api, "list", what);

        assertThat(run.exitCode()).isZero();
        assertThat(api.onlyRequest().target()).isEqualTo(target);
        assertThat(run.outLines()).containsExactly(header);
    }

    @Test
    void connectionsShowThePeerAsHostColonPortWithIpv6InBrackets() {
        api.reply("GET", "/api/vhosts/%2F/connections", 200, """
                [{"name":"127.0.0.1:50000 -> 127.0.0.1:5672","user":"guest","vhost":"/","protocol":"AMQP 0-9-1",
                  "peer_host":"127.0.0.1","peer_port":50000,"channels":2},
                 {"name":"[::1]:50001 -> [::1]:5672","user":"app","vhost":"/","protocol":"AMQP 0-9-1",
                  "peer_host":"::1","peer_port":50001,"channels":1},
                 {"name":"vm-1","user":"app","vhost":"/","protocol":"vm","peer_host":null,"channels":1}]""");

        CtlRun run = against(api, "list", "connections", "--format=tsv");

        assertThat(run.outLines()).containsExactly(
                "name\tuser\tvhost\tprotocol\tpeer\tchannels",
                "127.0.0.1:50000 -> 127.0.0.1:5672\tguest\t/\tAMQP 0-9-1\t127.0.0.1:50000\t2",
                "[::1]:50001 -> [::1]:5672\tapp\t/\tAMQP 0-9-1\t[::1]:50001\t1",
                "vm-1\tapp\t/\tvm\t\t1");
    }

    @Test
    void consumersShowTheirQueueAndChannelFromTheNestedObjects() {
        api.reply("GET", "/api/consumers/%2F", 200, """
                [{"consumer_tag":"amq.ctag-1","queue":{"name":"orders","vhost":"/"},
                  "channel_details":{"name":"c1 (1)","number":1,"connection_name":"c1"},"ack_required":true,
                  "prefetch_count":10,"exclusive":false,"arguments":{}}]""");

        CtlRun run = against(api, "list", "consumers", "--format=tsv");

        assertThat(run.outLines()).containsExactly(
                "vhost\tqueue\tconsumer_tag\tchannel\tack_required\tprefetch\texclusive",
                "/\torders\tamq.ctag-1\tc1 (1)\ttrue\t10\tfalse");
    }

    @Test
    void usersShowTheirTagsJoinedWithCommasAndNeverAPasswordHash() {
        api.reply("GET", "/api/users", 200, """
                [{"name":"admin","tags":["administrator","management"],"password_hash":"c2VjcmV0aGFzaA==",
                  "hashing_algorithm":"rabbit_password_hashing_sha256"}]""");

        CtlRun run = against(api, "list", "users");

        assertThat(run.outLines()).containsExactly("name   tags", "admin  administrator,management");
    }

    @Test
    void jsonFormatPrintsTheServersAnswerWithEveryField() throws Exception {
        api.reply("GET", "/api/queues/%2F", 200, QUEUES);

        CtlRun run = against(api, "list", "queues", "--format=json");

        assertThat(Json.parse(run.out())).isEqualTo(Json.parse(QUEUES));
    }

    @Test
    void tsvFormatIsAHeaderAndOneTabSeparatedLinePerQueue() {
        api.reply("GET", "/api/queues/%2F", 200, QUEUES);

        assertThat(against(api, "--format=tsv", "list", "queues").outLines()).containsExactly(
                "vhost\tname\tmessages\tready\tunacked\tconsumers",
                "/\torders\t12\t10\t2\t1",
                "/\taudit\t0\t0\t0\t0");
    }
}
