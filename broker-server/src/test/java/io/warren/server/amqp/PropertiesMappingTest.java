package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import io.warren.server.ServerFixture;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Basic properties and field-table values survive the trip client → server → client without loss. */
class PropertiesMappingTest {
    private ServerFixture fixture;
    private Channel ch;
    private String queue;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start();
        ch = fixture.connect().createChannel();
        queue = ch.queueDeclare("props", false, false, false, Map.of("x-max-priority", 9)).getQueue();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private GetResponse roundTrip(AMQP.BasicProperties props) throws Exception {
        ch.basicPublish("", queue, props, "body".getBytes(UTF_8));
        GetResponse r = ch.basicGet(queue, true);
        assertThat(r).isNotNull();
        return r;
    }

    @Test
    void allFourteenBasicPropertiesRoundTrip() throws Exception {
        Date timestamp = new Date(1_700_000_000_000L);
        AMQP.BasicProperties sent = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("gzip")
                .headers(Map.of("h", "v"))
                .deliveryMode(2)
                .priority(7)
                .correlationId("corr-1")
                .replyTo("reply-queue")
                .expiration("60000")
                .messageId("msg-1")
                .timestamp(timestamp)
                .type("order.created")
                .userId("guest")
                .appId("warren-tests")
                .clusterId("cluster-a")
                .build();

        AMQP.BasicProperties got = roundTrip(sent).getProps();

        assertThat(got.getContentType()).isEqualTo("application/json");
        assertThat(got.getContentEncoding()).isEqualTo("gzip");
        assertThat(got.getHeaders().get("h")).hasToString("v");
        assertThat(got.getDeliveryMode()).isEqualTo(2);
        assertThat(got.getPriority()).isEqualTo(7);
        assertThat(got.getCorrelationId()).isEqualTo("corr-1");
        assertThat(got.getReplyTo()).isEqualTo("reply-queue");
        // Warren hands out the TTL that is left, never more than was given
        assertThat(Long.parseLong(got.getExpiration())).isBetween(50_000L, 60_000L);
        assertThat(got.getMessageId()).isEqualTo("msg-1");
        assertThat(got.getTimestamp()).isEqualTo(timestamp);
        assertThat(got.getType()).isEqualTo("order.created");
        assertThat(got.getUserId()).isEqualTo("guest");
        assertThat(got.getAppId()).isEqualTo("warren-tests");
        assertThat(got.getClusterId()).isEqualTo("cluster-a");
    }

    @Test
    void aMessageWithoutPropertiesComesBackWithoutThem() throws Exception {
        AMQP.BasicProperties got = roundTrip(null).getProps();

        assertThat(got.getContentType()).isNull();
        assertThat(got.getHeaders()).isNull();
        assertThat(got.getExpiration()).isNull();
        assertThat(got.getMessageId()).isNull();
        assertThat(got.getTimestamp()).isNull();
        assertThat(got.getUserId()).isNull();
        assertThat(got.getDeliveryMode()).isIn(null, 1);
        assertThat(got.getPriority()).isIn(null, 0);
    }

    @Test
    void timestampsKeepSecondPrecision() throws Exception {
        Date withMillis = new Date(1_700_000_000_999L);
        AMQP.BasicProperties got = roundTrip(new AMQP.BasicProperties.Builder().timestamp(withMillis).build())
                .getProps();
        assertThat(got.getTimestamp()).isEqualTo(new Date(1_700_000_000_000L));
    }

    @Test
    void everyFieldTableValueTypeRoundTripsInHeaders() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner-string", "deep");
        nested.put("inner-int", 42);
        nested.put("inner-table", Map.of("deeper", true));
        nested.put("inner-void", null);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("string", "text ü");
        headers.put("int", 123_456);
        headers.put("long", 9_876_543_210L);
        headers.put("short", (short) -12);
        headers.put("byte", (byte) 7);
        headers.put("bool-true", true);
        headers.put("bool-false", false);
        headers.put("float", 1.5f);
        headers.put("double", 2.25d);
        headers.put("decimal", new BigDecimal("123.45"));
        headers.put("timestamp", new Date(1_600_000_000_000L));
        headers.put("bytes", new byte[] {0, 1, (byte) 0xFF});
        headers.put("table", nested);
        headers.put("array", java.util.Arrays.asList("a", 1, List.of(true, 2L), Map.of("k", "v"), null));
        headers.put("void", null);

        Map<String, Object> got = roundTrip(new AMQP.BasicProperties.Builder().headers(headers).build()).getProps()
                .getHeaders();

        assertThat(got.get("string")).isInstanceOf(LongString.class).hasToString("text ü");
        assertThat(got.get("int")).isEqualTo(123_456);
        assertThat(got.get("long")).isEqualTo(9_876_543_210L);
        assertThat(got.get("short")).isEqualTo((short) -12);
        assertThat(got.get("byte")).isEqualTo((byte) 7);
        assertThat(got.get("bool-true")).isEqualTo(true);
        assertThat(got.get("bool-false")).isEqualTo(false);
        assertThat(got.get("float")).isEqualTo(1.5f);
        assertThat(got.get("double")).isEqualTo(2.25d);
        assertThat(got.get("decimal")).isEqualTo(new BigDecimal("123.45"));
        assertThat(got.get("timestamp")).isEqualTo(new Date(1_600_000_000_000L));
        assertThat(got.get("bytes")).isEqualTo(new byte[] {0, 1, (byte) 0xFF});
        assertThat(got).containsEntry("void", null);

        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) got.get("table");
        assertThat(table.get("inner-string")).hasToString("deep");
        assertThat(table.get("inner-int")).isEqualTo(42);
        assertThat(table.get("inner-table")).isEqualTo(Map.of("deeper", true));
        assertThat(table).containsEntry("inner-void", null);

        List<?> array = (List<?>) got.get("array");
        assertThat(array).hasSize(5);
        assertThat(array.get(0)).hasToString("a");
        assertThat(array.get(1)).isEqualTo(1);
        assertThat(array.get(2)).isEqualTo(List.of(true, 2L));
        assertThat(((Map<?, ?>) array.get(3)).get("k")).hasToString("v");
        assertThat(array.get(4)).isNull();
    }

    @Test
    void propertiesSurviveDeliveryToAConsumerAsWellAsGet() throws Exception {
        AMQP.BasicProperties sent = new AMQP.BasicProperties.Builder().messageId("m").correlationId("c")
                .headers(Map.of("n", 1)).priority(3).build();
        java.util.concurrent.BlockingQueue<AMQP.BasicProperties> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        ch.basicConsume(queue, true, (tag, delivery) -> seen.add(delivery.getProperties()), tag -> { });
        ch.basicPublish("", queue, sent, new byte[0]);

        AMQP.BasicProperties got = seen.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.getMessageId()).isEqualTo("m");
        assertThat(got.getCorrelationId()).isEqualTo("c");
        assertThat(got.getHeaders()).containsEntry("n", 1);
        assertThat(got.getPriority()).isEqualTo(3);
    }
}
