package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.cancel-ok}, class 60 method 31.
 *
 * <p>Either peer: the consumer is cancelled.
 */
public record BasicCancelOk(String consumerTag) implements AmqpMethod {
    private static final String NAME = "basic.cancel-ok";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 31;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicCancelOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        String consumerTag = r.shortstr("consumer-tag");
        return new BasicCancelOk(consumerTag);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr(consumerTag, "consumer-tag")
                .end();
    }
}
