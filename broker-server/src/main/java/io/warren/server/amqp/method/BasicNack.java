package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.nack}, class 60 method 120.
 *
 * <p>Either peer (RabbitMQ extension): reject one or, with {@code multiple}, several deliveries; the server sends
 * it for failed publisher confirms.
 */
public record BasicNack(long deliveryTag, boolean multiple, boolean requeue) implements AmqpMethod {
    private static final String NAME = "basic.nack";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 120;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicNack read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        long deliveryTag = r.longlong("delivery-tag");
        boolean multiple = r.bit("multiple");
        boolean requeue = r.bit("requeue");
        return new BasicNack(deliveryTag, multiple, requeue);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longlong(deliveryTag)
                .bit(multiple)
                .bit(requeue)
                .end();
    }
}
