package io.warren.server.amqp;

import io.netty.buffer.ByteBuf;
import io.warren.server.amqp.codec.ContentHeader;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.BasicPublish;
import java.util.Arrays;

/**
 * Collects a publish's content — the {@code basic.publish} method, its content header frame and body frames —
 * into one message. Frames that break the sequence are {@code 505 UNEXPECTED_FRAME} connection errors; a
 * body larger than the server's limit is refused at the header, before any of it is buffered.
 */
final class ContentAssembler {
    /**
     * The body buffer starts at most this large and grows as body frames arrive: a content header alone must
     * not make the server reserve the (up to max-message-size) body it announces.
     */
    private static final int INITIAL_BODY_CAPACITY = 64 * 1024;
    /** Largest body a byte array can hold. */
    private static final long MAX_BODY = Integer.MAX_VALUE - 8;

    private final long maxMessageSize;
    private BasicPublish method;
    private ContentHeader header;
    private byte[] body;
    private int expected;
    private int filled;

    ContentAssembler(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    boolean inProgress() {
        return method != null;
    }

    void begin(BasicPublish publish) {
        method = publish;
        header = null;
        body = null;
        filled = 0;
    }

    /** @return true when the content is complete (an empty body) */
    boolean header(ContentHeader h) {
        if (method == null || header != null) {
            throw AmqpException.connection(ReplyCodes.UNEXPECTED_FRAME, "content header frame without a "
                    + "preceding 'basic.publish'");
        }
        if (h.classId() != 60) {
            throw AmqpException.connection(ReplyCodes.UNEXPECTED_FRAME, "content header for class " + h.classId()
                    + " after 'basic.publish'; expected class 60");
        }
        if (h.bodySize() > maxMessageSize || h.bodySize() > MAX_BODY) {
            BasicPublish p = method;
            method = null;
            throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, "message size " + h.bodySize()
                    + " is larger than configured max size " + maxMessageSize + " (publish to exchange '"
                    + p.exchange() + "')");
        }
        header = h;
        expected = (int) h.bodySize();
        body = new byte[Math.min(expected, INITIAL_BODY_CAPACITY)];
        return h.bodySize() == 0;
    }

    /** @return true when the last body frame arrived */
    boolean body(ByteBuf payload) {
        if (header == null) {
            throw AmqpException.connection(ReplyCodes.UNEXPECTED_FRAME, "content body frame without a "
                    + "content header");
        }
        int n = payload.readableBytes();
        if (n > expected - filled) {
            throw AmqpException.connection(ReplyCodes.FRAME_ERROR, "content body of " + ((long) filled + n)
                    + " bytes exceeds the body size " + expected + " announced in the content header");
        }
        if (n > body.length - filled) {
            body = Arrays.copyOf(body, (int) Math.min(expected, Math.max((long) filled + n, 2L * body.length)));
        }
        payload.readBytes(body, filled, n);
        filled += n;
        return filled == expected;
    }

    BasicPublish method() {
        return method;
    }

    ContentHeader contentHeader() {
        return header;
    }

    byte[] takeBody() {
        byte[] b = body;
        method = null;
        header = null;
        body = null;
        expected = 0;
        filled = 0;
        return b;
    }
}
