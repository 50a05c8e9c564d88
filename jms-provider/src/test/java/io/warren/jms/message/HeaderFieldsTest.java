package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JMS header fields of a message that has not been sent. */
class HeaderFieldsTest {
    private final WarrenMessage m = new WarrenMessage();

    @Test
    void aNewMessageHasTheDefaultHeaderValues() {
        assertThat(m.getJMSMessageID()).isNull();
        assertThat(m.getJMSTimestamp()).isZero();
        assertThat(m.getJMSCorrelationID()).isNull();
        assertThat(m.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(m.getJMSReplyTo()).isNull();
        assertThat(m.getJMSDestination()).isNull();
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSRedelivered()).isFalse();
        assertThat(m.getJMSType()).isNull();
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSDeliveryTime()).isZero();
        assertThat(m.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
    }

    @Test
    void everyHeaderReadsBackWhatWasSet() {
        WarrenQueue q = new WarrenQueue("q");
        WarrenTopic t = new WarrenTopic("t");
        m.setJMSMessageID("ID:1");
        m.setJMSTimestamp(10);
        m.setJMSCorrelationID("corr");
        m.setJMSReplyTo(t);
        m.setJMSDestination(q);
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSRedelivered(true);
        m.setJMSType("type");
        m.setJMSExpiration(20);
        m.setJMSDeliveryTime(30);
        m.setJMSPriority(9);
        assertThat(m.getJMSMessageID()).isEqualTo("ID:1");
        assertThat(m.getJMSTimestamp()).isEqualTo(10);
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(m.getJMSReplyTo()).isSameAs(t);
        assertThat(m.getJMSDestination()).isSameAs(q);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSRedelivered()).isTrue();
        assertThat(m.getJMSType()).isEqualTo("type");
        assertThat(m.getJMSExpiration()).isEqualTo(20);
        assertThat(m.getJMSDeliveryTime()).isEqualTo(30);
        assertThat(m.getJMSPriority()).isEqualTo(9);
    }

    @Test
    void aBytesCorrelationIdReadsBackAsTheSameBytes() {
        byte[] id = {0, 1, (byte) 0xff, 0x7f};
        m.setJMSCorrelationIDAsBytes(id);
        id[0] = 9;
        assertThat(m.getJMSCorrelationIDAsBytes()).containsExactly(0, 1, 0xff, 0x7f);
    }

    @Test
    void aBytesCorrelationIdReadsAsAStringInTheBytesForm() {
        m.setJMSCorrelationIDAsBytes(new byte[] {0x0a, (byte) 0xbc});
        assertThat(m.getJMSCorrelationID()).isEqualTo("ID:bytes:0abc");
    }

    @Test
    void aStringCorrelationIdReadsAsItsUtf8Bytes() {
        m.setJMSCorrelationID("héllo");
        assertThat(m.getJMSCorrelationIDAsBytes()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStringThatMerelyLooksLikeTheBytesFormStaysReadable() {
        m.setJMSCorrelationID("ID:bytes:not-hex");
        assertThat(m.getJMSCorrelationIDAsBytes()).isEqualTo("ID:bytes:not-hex".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNullBytesCorrelationIdClearsIt() {
        m.setJMSCorrelationID("x");
        m.setJMSCorrelationIDAsBytes(null);
        assertThat(m.getJMSCorrelationID()).isNull();
    }

    @Test
    void headersStayWritableOnAReceivedMessage() throws JMSException {
        WarrenMessage r = Received.copyOf(m);
        r.setJMSType("changed");
        r.setJMSCorrelationID("c");
        r.setJMSPriority(1);
        assertThat(r.getJMSType()).isEqualTo("changed");
        assertThat(r.getJMSPriority()).isEqualTo(1);
    }

    @Test
    void clearBodyAndClearPropertiesKeepTheHeaders() throws JMSException {
        m.setJMSType("t");
        m.setJMSMessageID("ID:9");
        m.clearBody();
        m.clearProperties();
        assertThat(m.getJMSType()).isEqualTo("t");
        assertThat(m.getJMSMessageID()).isEqualTo("ID:9");
    }
}
