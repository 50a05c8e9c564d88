package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.consume-ok}, class 60 method 21.
 *
 * <p>Server to client: the consumer is registered under this tag.
 */
public record BasicConsumeOk(String consumerTag) implements AmqpMethod {
    private static final String NAME = "basic.consume-ok";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 21;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicConsumeOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        String consumerTag = r.shortstr("consumer-tag");
        return new BasicConsumeOk(consumerTag);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr(consumerTag, "consumer-tag")
                .end();
    }
}
