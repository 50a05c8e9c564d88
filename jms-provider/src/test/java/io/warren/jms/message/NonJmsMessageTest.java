package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.message.Message;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages published by non-JMS clients: unknown content types and header types. */
class NonJmsMessageTest {

    @Test
    void noContentTypeMeansABytesMessageWithTheRawBody() throws JMSException {
        WarrenMessage r = Received.of(Message.builder().body(new byte[] {1, 2}).build());
        assertThat(r).isInstanceOf(BytesMessage.class);
        assertThat(((BytesMessage) r).getBodyLength()).isEqualTo(2);
    }

    @Test
    void anUnknownContentTypeMeansABytesMessage() throws JMSException {
        WarrenMessage r = Received.of(Message.builder().contentType("application/json")
                .body("{}".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(r).isInstanceOf(BytesMessage.class);
        assertThat(r.getBody(byte[].class)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTextContentTypeMeansATextMessageInUtf8() throws JMSException {
        WarrenMessage r = Received.of(Message.builder().contentType("text/plain")
                .body("héllo".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(((TextMessage) r).getText()).isEqualTo("héllo");
    }

    @Test
    void theCharsetParameterIsHonoured() throws JMSException {
        WarrenMessage r = Received.of(Message.builder().contentType("Text/Plain; Charset=\"ISO-8859-1\"")
                .body("héllo".getBytes(StandardCharsets.ISO_8859_1)).build());
        assertThat(((TextMessage) r).getText()).isEqualTo("héllo");
        assertThat(Received.published(r).body()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8() {
        assertThat(MessageMapper.charsetOf("text/plain; charset=no-such-charset")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MessageMapper.charsetOf("text/xml")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void headerTypesThatAreNoPropertyTypesAreLeftOutOrConverted() throws JMSException {
        WarrenMessage r = Received.of(Message.builder()
                .header("ok", 1)
                .header("c", 'x')
                .header("bytes", new byte[] {1})
                .header("list", List.of(1))
                .header("map", Map.of("a", 1))
                .build());
        assertThat(Collections.list(r.getPropertyNames())).containsExactlyInAnyOrder("ok", "c", "JMSXDeliveryCount");
        assertThat(r.getStringProperty("c")).isEqualTo("x");
        assertThat(r.getIntProperty("ok")).isEqualTo(1);
    }

    @Test
    void jmsxHeadersSentByAPublisherDoNotOverrideTheProvidersValues() throws JMSException {
        WarrenMessage r = Received.of(Message.builder().header("JMSXDeliveryCount", 99).header("JMSXUserID", "x")
                .userId("real").build());
        assertThat(r.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(r.getStringProperty("JMSXUserID")).isEqualTo("real");
        assertThat(Collections.list(r.getPropertyNames()))
                .containsOnlyOnce("JMSXDeliveryCount", "JMSXUserID");
    }

    @Test
    void anAmqpPriorityAboveNineIsPassedThrough() {
        assertThat(Received.of(Message.builder().priority(200).build()).getJMSPriority()).isEqualTo(200);
    }
}
