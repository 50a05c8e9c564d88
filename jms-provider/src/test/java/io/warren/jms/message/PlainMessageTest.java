package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plain Message has no body. */
class PlainMessageTest {

    @Test
    void getBodyIsNullForAnyType() throws JMSException {
        WarrenMessage m = new WarrenMessage();
        assertThat(m.getBody(String.class)).isNull();
        assertThat(m.getBody(Integer.class)).isNull();
        assertThat(m.getBody(byte[].class)).isNull();
    }

    @Test
    void anyTypeIsAssignable() throws JMSException {
        WarrenMessage m = Received.copyOf(new WarrenMessage());
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Boolean.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
    }

    @Test
    void itTravelsAsAPlainMessageWithoutBody() throws JMSException {
        var sent = Received.published(new WarrenMessage());
        assertThat(sent.contentType()).isEqualTo(ContentTypes.MESSAGE);
        assertThat(sent.body()).isEmpty();
        assertThat(Received.of(sent).getClass()).isEqualTo(WarrenMessage.class);
    }

    @Test
    void clearBodyOnAReceivedPlainMessageDoesNothingHarmful() throws JMSException {
        WarrenMessage m = Received.copyOf(new WarrenMessage());
        m.clearBody();
        assertThat(m.getBody(Object.class)).isNull();
    }
}
