package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code channel.close}, class 20 method 40.
 *
 * <p>Either peer: close the channel, with the reply code and the class and method that failed (0 when none).
 */
public record ChannelClose(int replyCode, String replyText, int failingClassId, int failingMethodId)
        implements AmqpMethod {
    private static final String NAME = "channel.close";

    @Override
    public int classId() {
        return 20;
    }

    @Override
    public int methodId() {
        return 40;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ChannelClose read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        int replyCode = r.shortInt("reply-code");
        String replyText = r.shortstr("reply-text");
        int failingClassId = r.shortInt("class-id");
        int failingMethodId = r.shortInt("method-id");
        return new ChannelClose(replyCode, replyText, failingClassId, failingMethodId);
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
