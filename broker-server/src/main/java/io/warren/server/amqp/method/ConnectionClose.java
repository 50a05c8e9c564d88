package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code connection.close}, class 10 method 50.
 *
 * <p>Either peer: close the connection, with the reply code and the class and method that failed (0 when none).
 */
public record ConnectionClose(int replyCode, String replyText, int failingClassId, int failingMethodId)
        implements AmqpMethod {
    private static final String NAME = "connection.close";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 50;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionClose read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        int replyCode = r.shortInt("reply-code");
        String replyText = r.shortstr("reply-text");
        int failingClassId = r.shortInt("class-id");
        int failingMethodId = r.shortInt("method-id");
        return new ConnectionClose(replyCode, replyText, failingClassId, failingMethodId);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(replyCode, "reply-code")
                .shortstr(replyText, "reply-text")
                .shortInt(failingClassId, "class-id")
                .shortInt(failingMethodId, "method-id")
                .end();
    }
}
