package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.recover}, class 60 method 110.
 *
 * <p>Client to server: redeliver unacknowledged messages.
 */
public record BasicRecover(boolean requeue) implements AmqpMethod {
    private static final String NAME = "basic.recover";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 110;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicRecover read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        boolean requeue = r.bit("requeue");
        return new BasicRecover(requeue);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .bit(requeue)
                .end();
    }
}
