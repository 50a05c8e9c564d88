package io.warren.server.management.api;

import static io.warren.server.management.ManagementFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warren.broker.Channel;
import io.warren.broker.VirtualHost;
import io.warren.message.Message;
import io.warren.server.management.ManagementFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueMessagesResourceTest {
    private ManagementFixture fixture;
    private VirtualHost root;
    private Channel channel;

    @BeforeEach
    void start() {
        fixture = ManagementFixture.start();
        root = fixture.broker.defaultVirtualHost();
        channel = root.connect("test").createChannel();
        channel.queueDeclare("q", false, false, false, Map.of());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void publish(String queue, byte[]... bodies) throws Exception {
        for (byte[] body : bodies) {
            channel.publish("", queue, Message.builder().body(body).build()).get();
        }
    }

    private void publish(String queue, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            publish(queue, ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private int ready(String queue) {
        return root.queue(queue).orElseThrow().statistics().ready();
    }

    private JsonNode get(String body) {
        HttpResponse<String> response = fixture.post("/api/queues/%2F/q/get", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void getWithAckRequeueTrueLeavesTheDepthAndTheMessagesComeBackRedelivered() throws Exception {
        publish("q", 3);

        JsonNode first = get("{\"count\":2,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\"}");
        JsonNode again = get("{\"count\":1,\"ackmode\":\"ack_requeue_true\"}");

        assertThat(first).hasSize(2);
        assertThat(first.get(0).get("payload").asText()).isEqualTo("m0");
        assertThat(first.get(1).get("payload").asText()).isEqualTo("m1");
        assertThat(first.get(0).get("redelivered").asBoolean()).isFalse();
        assertThat(first.get(0).get("message_count").asLong()).isEqualTo(2);
        assertThat(first.get(1).get("message_count").asLong()).isEqualTo(1);
        assertThat(again.get(0).get("payload").asText()).isEqualTo("m0");
        assertThat(again.get(0).get("redelivered").asBoolean()).isTrue();
        assertThat(ready("q")).isEqualTo(3);
        assertThat(root.queue("q").orElseThrow().statistics().unacknowledged()).isZero();
    }

    @Test
    void getWithAckRequeueFalseDrainsTheQueue() throws Exception {
        publish("q", 3);

        JsonNode messages = get("{\"count\":5,\"ackmode\":\"ack_requeue_false\"}");

        assertThat(messages).hasSize(3);
        assertThat(ready("q")).isZero();
        assertThat(root.queue("q").orElseThrow().statistics().acknowledged()).isEqualTo(3);
    }

    @Test
    void getWithRejectRequeueTrueKeepsTheMessages() throws Exception {
        publish("q", 2);

        assertThat(get("{\"count\":2,\"ackmode\":\"reject_requeue_true\"}")).hasSize(2);

        assertThat(ready("q")).isEqualTo(2);
    }

    @Test
    void getWithRejectRequeueFalseDeadLettersTheMessages() throws Exception {
        channel.queueDeclare("dead", false, false, false, Map.of());
        channel.queueDeclare("dl", false, false, false,
                Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", "dead"));
        publish("dl", 2);

        HttpResponse<String> response = fixture.post("/api/queues/%2F/dl/get",
                "{\"count\":2,\"ackmode\":\"reject_requeue_false\"}");

        assertThat(json(response)).hasSize(2);
        assertThat(ready("dl")).isZero();
        assertThat(ready("dead")).isEqualTo(2);
    }

    @Test
    void anEmptyQueueGivesAnEmptyList() {
        assertThat(get("{\"ackmode\":\"ack_requeue_true\"}")).isEmpty();
    }

    @Test
    void textComesAsAStringAndOtherBodiesInBase64() throws Exception {
        byte[] binary = {(byte) 0xff, 0, 1};
        publish("q", "héllo".getBytes(StandardCharsets.UTF_8), binary);

        JsonNode auto = get("{\"count\":2,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\"}");
        JsonNode base64 = get("{\"count\":1,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"base64\"}");

        assertThat(auto.get(0).get("payload").asText()).isEqualTo("héllo");
        assertThat(auto.get(0).get("payload_encoding").asText()).isEqualTo("string");
        assertThat(auto.get(0).get("payload_bytes").asInt()).isEqualTo(6);
        assertThat(auto.get(1).get("payload").asText()).isEqualTo(Base64.getEncoder().encodeToString(binary));
        assertThat(auto.get(1).get("payload_encoding").asText()).isEqualTo("base64");
        assertThat(base64.get(0).get("payload").asText())
                .isEqualTo(Base64.getEncoder().encodeToString("héllo".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void truncateCutsThePayloadButNotItsSize() throws Exception {
        publish("q", "héllo world".getBytes(StandardCharsets.UTF_8));

        JsonNode cutInsideTheAccent = get("{\"ackmode\":\"ack_requeue_true\",\"truncate\":2}").get(0);
        JsonNode cutAfter = get("{\"ackmode\":\"ack_requeue_true\",\"truncate\":5}").get(0);

        assertThat(cutInsideTheAccent.get("payload").asText()).isEqualTo("h");
        assertThat(cutAfter.get("payload").asText()).isEqualTo("héll");
        assertThat(cutAfter.get("payload_bytes").asInt()).isEqualTo(12);
    }

    @Test
    void aBadGetRequestIsABadRequestSayingWhatIsWrong() throws Exception {
        publish("q", 1);

        HttpResponse<String> mode = fixture.post("/api/queues/%2F/q/get", "{\"ackmode\":\"peek\"}");
        HttpResponse<String> missing = fixture.post("/api/queues/%2F/q/get", "{\"count\":1}");
        HttpResponse<String> count = fixture.post("/api/queues/%2F/q/get",
                "{\"count\":\"2\",\"ackmode\":\"ack_requeue_true\"}");
        HttpResponse<String> encoding = fixture.post("/api/queues/%2F/q/get",
                "{\"ackmode\":\"ack_requeue_true\",\"encoding\":\"hex\"}");

        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(json(mode).get("reason").asText()).isEqualTo("field 'ackmode' must be one of ack_requeue_true, "
                + "ack_requeue_false, reject_requeue_true, reject_requeue_false; got 'peek'");
        assertThat(json(missing).get("reason").asText()).isEqualTo("field 'ackmode' is missing");
        assertThat(json(count).get("reason").asText()).isEqualTo("field 'count' must be a whole number, got string");
        assertThat(json(encoding).get("reason").asText()).isEqualTo("field 'encoding' must be 'auto' or 'base64', "
                + "got 'hex'");
        assertThat(ready("q")).isEqualTo(1);
    }

    @Test
    void getFromAMissingQueueIsNotFound() {
        HttpResponse<String> response = fixture.post("/api/queues/%2F/ghost/get", "{\"ackmode\":\"ack_requeue_true\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("reason").asText()).isEqualTo("queue 'ghost' in vhost '/' not found");
    }

    @Test
    void moveMovesTheGivenNumberOfMessagesInOrder() throws Exception {
        channel.queueDeclare("target", false, false, false, Map.of());
        publish("q", 5);

        HttpResponse<String> response = fixture.post("/api/queues/%2F/q/move",
                "{\"destination\":\"target\",\"count\":3}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).toString()).isEqualTo("{\"moved\":3}");
        assertThat(ready("q")).isEqualTo(2);
        assertThat(ready("target")).isEqualTo(3);
        assertThat(new String(channel.get("target", true, null).message().body(), StandardCharsets.UTF_8))
                .isEqualTo("m0");
    }

    @Test
    void moveWithoutACountMovesEveryReadyMessage() throws Exception {
        channel.queueDeclare("target", false, false, false, Map.of());
        publish("q", 4);

        JsonNode moved = json(fixture.post("/api/queues/%2F/q/move", "{\"destination\":\"target\"}"));
        JsonNode nothing = json(fixture.post("/api/queues/%2F/q/move", "{\"destination\":\"target\"}"));

        assertThat(moved.get("moved").asInt()).isEqualTo(4);
        assertThat(nothing.get("moved").asInt()).isZero();
        assertThat(ready("target")).isEqualTo(4);
    }

    @Test
    void moveToAMissingQueueIsNotFoundAndMovesNothing() throws Exception {
        publish("q", 2);

        HttpResponse<String> response = fixture.post("/api/queues/%2F/q/move", "{\"destination\":\"ghost\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("reason").asText()).isEqualTo("queue 'ghost' in vhost '/' not found");
        assertThat(ready("q")).isEqualTo(2);
    }

    @Test
    void moveNeedsReadOnTheSourceAndWriteOnTheDefaultExchange() throws Exception {
        channel.queueDeclare("target", false, false, false, Map.of());
        publish("q", 1);
        fixture.users.setPermissions("mona", "/", ".*", "^target$", ".*");

        HttpResponse<String> response = fixture.send("POST", "/api/queues/%2F/q/move",
                "{\"destination\":\"target\"}", "mona", "mona-pw");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("reason").asText())
                .isEqualTo("access to exchange 'amq.default' in vhost '/' refused for user 'mona'");
        assertThat(ready("q")).isEqualTo(1);
    }
}
