package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.reject}, class 60 method 90.
 *
 * <p>Client to server: reject one delivery, requeueing or discarding it.
 */
public record BasicReject(long deliveryTag, boolean requeue) implements AmqpMethod {
    private static final String NAME = "basic.reject";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 90;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicReject read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        long deliveryTag = r.longlong("delivery-tag");
        boolean requeue = r.bit("requeue");
        return new BasicReject(deliveryTag, requeue);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longlong(deliveryTag)
                .bit(requeue)
                .end();
    }
}
