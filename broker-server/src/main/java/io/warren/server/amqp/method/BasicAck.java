package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.ack}, class 60 method 80.
 *
 * <p>Either peer: acknowledge a delivery, or with {@code multiple} all up to it; the server sends it for publisher
 * confirms.
 */
public record BasicAck(long deliveryTag, boolean multiple) implements AmqpMethod {
    private static final String NAME = "basic.ack";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 80;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicAck read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        long deliveryTag = r.longlong("delivery-tag");
        boolean multiple = r.bit("multiple");
        return new BasicAck(deliveryTag, multiple);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longlong(deliveryTag)
                .bit(multiple)
                .end();
    }
}
