package io.warren.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    @Test
    void everyPropertyAndEveryHeaderTypeSurvivesEncoding() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("price", new BigDecimal("-12.345"));
        nested.put("when", new Date(1_700_000_000_000L));
        nested.put("raw", new byte[] {1, 2, 3});
        Message m = Message.builder().exchange("ex").routingKey("rk").persistent(true).priority(7)
                .messageId("m1").correlationId("c1").replyTo("r1").type("t").contentType("text/plain")
                .contentEncoding("gzip").clusterId("cl").userId("u").appId("app").timestamp(1L).expiration(2L)
                .deliveryTime(3L).origin("o")
                .header("table", nested).header("list", List.of(1, "two", new BigDecimal("3"), List.of(true)))
                .header("big", new BigDecimal("123456789012345678901234567890.5")).header("none", "x")
                .body("hello".getBytes(StandardCharsets.UTF_8)).build();

        Message back = MessageCodec.decode(MessageCodec.encode(m));

        assertThat(back).isEqualTo(m);
        assertThat(back.contentEncoding()).isEqualTo("gzip");
        assertThat(back.clusterId()).isEqualTo("cl");
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) back.header("table");
        assertThat(table.get("price")).isEqualTo(new BigDecimal("-12.345"));
        assertThat(table.get("when")).isEqualTo(new Date(1_700_000_000_000L));
    }

    @Test
    void headersWithNullValuesKeepThemThroughEncoding() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("void", null);
        headers.put("k", "v");
        Message m = Message.builder().headersWithNulls(headers).build();

        Message back = MessageCodec.decode(MessageCodec.encode(m));

        assertThat(back.headers()).containsEntry("void", null).containsEntry("k", "v").hasSize(2);
        assertThat(Message.builder().headers(headers).build().headers()).doesNotContainKey("void");
    }

    @Test
    void messagesWrittenInFormatVersionOneStillDecode() {
        ByteWriter w = new ByteWriter(64);
        w.writeByte(1);
        w.writeString("ex");
        w.writeString("rk");
        w.writeByte(1);
        w.writeByte(5);
        for (String s : new String[] {"id", "corr", "reply", "type", "ct", "user", "app"}) {
            w.writeString(s);
        }
        w.writeLong(10L);
        w.writeLong(0L);
        w.writeLong(0L);
        w.writeString(null);
        ValueCodec.writeMap(w, Map.of("k", "v"));
        w.writeBlob(new byte[] {9});

        Message m = MessageCodec.decode(w.toByteArray());

        assertThat(m.messageId()).isEqualTo("id");
        assertThat(m.appId()).isEqualTo("app");
        assertThat(m.contentEncoding()).isNull();
        assertThat(m.clusterId()).isNull();
        assertThat(m.timestamp()).isEqualTo(10L);
        assertThat(m.header("k")).isEqualTo("v");
        assertThat(m.body()).containsExactly(9);
        assertThat(m.priority()).isEqualTo(5);
    }
}
