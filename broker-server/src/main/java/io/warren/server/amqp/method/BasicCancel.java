package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.cancel}, class 60 method 30.
 *
 * <p>Either peer: end a consumer (the server sends it when the queue goes away and the client asked for consumer
 * cancel notification).
 */
public record BasicCancel(String consumerTag, boolean noWait) implements AmqpMethod {
    private static final String NAME = "basic.cancel";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 30;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicCancel read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        String consumerTag = r.shortstr("consumer-tag");
        boolean noWait = r.bit("no-wait");
        return new BasicCancel(consumerTag, noWait);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr(consumerTag, "consumer-tag")
                .bit(noWait)
                .end();
    }
}
