package io.warren.server.amqp;

import io.netty.buffer.ByteBuf;
import io.warren.server.amqp.codec.ContentHeader;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.BasicPublish;

/**
 * Collects a publish's content — the {@code basic.publish} method, its content header frame and body frames —
 * into one message. Frames that break the sequence are {@code 505 UNEXPECTED_FRAME} connection errors; a
 * body larger than the server's limit is refused at the header, before any of it is buffered.
 */
final class ContentAssembler {
    private final long maxMessageSize;
    private BasicPublish method;
    private ContentHeader header;
    private byte[] body;
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
        if (h.bodySize() > maxMessageSize) {
            BasicPublish p = method;
            method = null;
            throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, "message size " + h.bodySize()
                    + " is larger than configured max size " + maxMessageSize + " (publish to exchange '"
                    + p.exchange() + "')");
        }
        header = h;
        body = new byte[(int) h.bodySize()];
        return h.bodySize() == 0;
    }

    /** @return true when the last body frame arrived */
    boolean body(ByteBuf payload) {
        if (header == null) {
            throw AmqpException.connection(ReplyCodes.UNEXPECTED_FRAME, "content body frame without a "
                    + "content header");
        }
        int n = payload.readableBytes();
        if (n > body.length - filled) {
            throw AmqpException.connection(ReplyCodes.FRAME_ERROR, "content body of " + (filled + n)
                    + " bytes exceeds the body size " + body.length + " announced in the content header");
        }
        payload.readBytes(body, filled, n);
        filled += n;
        return filled == body.length;
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
        filled = 0;
        return b;
    }
}
