package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** TextMessage: text, null text, modes and body. */
class TextMessageTest {

    @Test
    void textSurvivesTheBrokerAsUtf8() throws JMSException {
        WarrenTextMessage m = new WarrenTextMessage("héllo 😀");
        var sent = Received.published(m);
        assertThat(sent.contentType()).isEqualTo(ContentTypes.TEXT);
        assertThat(sent.body()).isEqualTo("héllo 😀".getBytes(StandardCharsets.UTF_8));
        assertThat(((WarrenTextMessage) Received.of(sent)).getText()).isEqualTo("héllo 😀");
    }

    @Test
    void nullAndEmptyTextStayApart() throws JMSException {
        assertThat(Received.copyOf(new WarrenTextMessage()).getText()).isNull();
        assertThat(Received.copyOf(new WarrenTextMessage("")).getText()).isEmpty();
    }

    @Test
    void setTextReplacesTheText() throws JMSException {
        WarrenTextMessage m = new WarrenTextMessage("a");
        m.setText("b");
        assertThat(m.getText()).isEqualTo("b");
        m.setText(null);
        assertThat(m.getText()).isNull();
    }

    @Test
    void clearBodyOfAReceivedMessageAllowsANewText() throws JMSException {
        WarrenTextMessage r = Received.copyOf(new WarrenTextMessage("a"));
        r.clearBody();
        r.setText("b");
        assertThat(Received.copyOf(r).getText()).isEqualTo("b");
    }

    @Test
    void getBodyReturnsTheTextForStringAndItsSupertypes() throws JMSException {
        WarrenTextMessage m = Received.copyOf(new WarrenTextMessage("t"));
        assertThat(m.getBody(String.class)).isEqualTo("t");
        assertThat(m.getBody(Object.class)).isEqualTo("t");
        assertThat(m.getBody(CharSequence.class)).hasToString("t");
        assertThat(m.getBody(Serializable.class)).isEqualTo("t");
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Comparable.class)).isTrue();
    }

    @Test
    void getBodyRefusesOtherTypes() {
        WarrenTextMessage m = new WarrenTextMessage("t");
        assertThatThrownBy(() -> m.getBody(byte[].class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
        assertThat(m.isBodyAssignableTo(Boolean.class)).isFalse();
        assertThat(m.isBodyAssignableTo(byte[].class)).isFalse();
    }

    @Test
    void aNullTextIsNullForAnyType() throws JMSException {
        WarrenTextMessage m = Received.copyOf(new WarrenTextMessage());
        assertThat(m.getBody(Integer.class)).isNull();
        assertThat(m.isBodyAssignableTo(byte[].class)).isTrue();
    }

    @Test
    void anEmptyTextIsABody() throws JMSException {
        WarrenTextMessage m = new WarrenTextMessage("");
        assertThat(m.getBody(String.class)).isEmpty();
        assertThat(m.isBodyAssignableTo(Integer.class)).isFalse();
    }

    @Test
    void forwardingAReceivedTextDoesNotReEncodeIt() throws JMSException {
        var sent = Received.published(new WarrenTextMessage("abc"));
        WarrenMessage r = Received.of(sent);
        ((WarrenTextMessage) r).getText();
        assertThat(Received.published(r).body()).isSameAs(sent.body());
    }
}
