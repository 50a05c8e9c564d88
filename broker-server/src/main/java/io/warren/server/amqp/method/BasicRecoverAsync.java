package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.recover-async}, class 60 method 100.
 *
 * <p>Client to server (deprecated): redeliver unacknowledged messages, with no reply.
 */
public record BasicRecoverAsync(boolean requeue) implements AmqpMethod {
    private static final String NAME = "basic.recover-async";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 100;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicRecoverAsync read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        boolean requeue = r.bit("requeue");
        return new BasicRecoverAsync(requeue);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .bit(requeue)
                .end();
    }
}
