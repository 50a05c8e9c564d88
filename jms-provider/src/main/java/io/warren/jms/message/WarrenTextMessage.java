package io.warren.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Warren's {@link TextMessage}. The text travels as UTF-8; a received body is decoded on the first
 * {@link #getText()} and, unless the message is changed, forwarded without re-encoding.
 */
public final class WarrenTextMessage extends WarrenMessage implements TextMessage {
    private String text;
    /** The received UTF-8 body while it is the message's content; null once the text is set or cleared. */
    private byte[] utf8;

    /** An empty, writable text message (null text). */
    public WarrenTextMessage() {
    }

    /** A writable text message holding {@code text}. */
    public WarrenTextMessage(String text) {
        this.text = text;
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
        this.utf8 = null;
    }

    @Override
    public String getText() {
        if (utf8 != null && text == null) {
            text = new String(utf8, StandardCharsets.UTF_8);
        }
        return text;
    }

    private boolean hasText() {
        return utf8 != null || text != null;
    }

    /** The text, or null for a message without text, whatever {@code c} is; else {@code c} must accept a String. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (!hasText()) {
            return null;
        }
        if (!accepts(c, String.class)) {
            throw notAssignable("a String", c);
        }
        return c.cast(getText());
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        return !hasText() || accepts(c, String.class);
    }

    @Override
    void clearBodyContent() {
        text = null;
        utf8 = null;
    }

    @Override
    String contentType() {
        return hasText() ? ContentTypes.TEXT : ContentTypes.TEXT_NULL;
    }

    @Override
    byte[] bodyForSend() {
        if (utf8 != null) {
            return utf8;
        }
        return text == null ? EMPTY : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void receiveBody(byte[] body) {
        this.utf8 = body;
        this.text = null;
    }

    /** Installs a received body in another charset (a {@code text/*} message of a non-JMS client). */
    void receiveBody(byte[] body, Charset charset) {
        if (StandardCharsets.UTF_8.equals(charset)) {
            receiveBody(body);
        } else {
            this.text = new String(body, charset);
            this.utf8 = null;
        }
    }

    /** Marks a received message whose text was null. */
    void receiveNullText() {
        this.text = null;
        this.utf8 = null;
    }

    @Override
    public String toString() {
        String t = getText();
        return super.toString() + (t == null ? "" : "[text=" + (t.length() > 64 ? t.substring(0, 64) + "…" : t) + "]");
    }
}
