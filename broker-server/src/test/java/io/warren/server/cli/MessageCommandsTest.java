package io.warren.server.cli;

import static io.warren.server.cli.CtlRun.against;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessageCommandsTest {
    @RegisterExtension
    final StubManagementApi api = StubManagementApi.started();

    @Test
    void publishPostsRoutingKeyPayloadAndPropertiesAndSaysItWasRouted() throws Exception {
        api.reply("POST", "/api/exchanges/%2F/amq.topic/publish", 200, "{\"routed\":true}");

        CtlRun run = against(api, "publish", "--exchange=amq.topic", "--routing-key=invoice.new",
                "--payload={\"id\":1}", "--properties={\"delivery_mode\":2}");

        assertThat(run.exitCode()).isZero();
        assertThat(Json.parse(api.onlyRequest().body())).isEqualTo(Json.parse("""
                {"properties":{"delivery_mode":2},"routing_key":"invoice.new","payload":"{\\"id\\":1}",
                 "payload_encoding":"string"}"""));
        assertThat(run.outLines()).containsExactly(
                "published to exchange 'amq.topic' with routing key 'invoice.new'");
    }

    @Test
    void publishWithoutExchangeGoesToTheDefaultExchangeCalledAmqDefaultInThePath() {
        api.reply("POST", "/api/exchanges/%2F/amq.default/publish", 200, "{\"routed\":true}");

        CtlRun run = against(api, "publish", "--routing-key=orders", "--payload=hello");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("published to the default exchange with routing key 'orders'");
    }

    @Test
    void aMessageNoQueueTookIsReportedAsNotRouted() {
        api.reply("POST", "/api/exchanges/%2F/amq.default/publish", 200, "{\"routed\":false}");

        CtlRun run = against(api, "publish", "--routing-key=nowhere", "--payload=hello");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("but no queue took it (not routed)");
    }

    @Test
    void publishInJsonFormatPrintsTheServersAnswer() throws Exception {
        api.reply("POST", "/api/exchanges/%2F/amq.default/publish", 200, "{\"routed\":true}");

        CtlRun run = against(api, "--format=json", "publish", "--routing-key=q", "--payload=x");

        assertThat(Json.parse(run.out())).isEqualTo(Json.parse("{\"routed\":true}"));
    }

    @Test
    void aBase64PayloadThatIsNotBase64IsAUsageError() {
        CtlRun run = against(api, "publish", "--routing-key=q", "--payload=%%%", "--payload-encoding=base64");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --payload is not base64");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void publishWithoutAPayloadIsAUsageError() {
        CtlRun run = against(api, "publish", "--routing-key=q");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: publish: missing --payload=TEXT");
    }

    @Test
    void getPostsCountAckModeAndEncodingAndShowsTheMessages() throws Exception {
        api.reply("POST", "/api/queues/%2F/orders/get", 200, """
                [{"payload_bytes":5,"redelivered":false,"exchange":"","routing_key":"orders","message_count":3,
                  "properties":{"delivery_mode":2},"payload":"hello","payload_encoding":"string"},
                 {"payload_bytes":2,"redelivered":true,"exchange":"amq.direct","routing_key":"orders",
                  "message_count":2,"properties":{},"payload":"AAE=","payload_encoding":"base64"}]""");

        CtlRun run = against(api, "get", "--queue=orders", "--count=2", "--ackmode=ack_requeue_false");

        assertThat(run.exitCode()).isZero();
        assertThat(Json.parse(api.onlyRequest().body())).isEqualTo(
                Json.parse("{\"count\":2,\"ackmode\":\"ack_requeue_false\",\"encoding\":\"auto\"}"));
        assertThat(run.outLines()).containsExactly(
                "routing_key  exchange    redelivered  message_count  payload_bytes  payload_encoding  payload",
                "orders                   false                    3              5  string            hello",
                "orders       amq.direct  true                     2              2  base64            AAE=");
    }

    @Test
    void getLeavesMessagesInTheQueueByDefaultAndMayTruncate() throws Exception {
        api.reply("POST", "/api/queues/%2F/orders/get", 200, "[]");

        assertThat(against(api, "get", "--queue=orders", "--truncate=100").exitCode()).isZero();
        assertThat(Json.parse(api.onlyRequest().body())).isEqualTo(Json.parse(
                "{\"count\":1,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\",\"truncate\":100}"));
    }

    @Test
    void anUnknownAckModeIsAUsageError() {
        CtlRun run = against(api, "get", "--queue=orders", "--ackmode=ack");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ackmode: expected one of ack_requeue_true");
    }

    @Test
    void aCountBelowOneIsAUsageError() {
        CtlRun run = against(api, "get", "--queue=orders", "--count=0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--count: expected a whole number of at least 1, got '0'");
        assertThat(api.requests()).isEmpty();
    }
}
