package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code confirm.select}, class 85 method 10.
 *
 * <p>Client to server (RabbitMQ extension): turn on publisher confirms; the spec field {@code nowait} is named
 * {@code noWait} here.
 */
public record ConfirmSelect(boolean noWait) implements AmqpMethod {
    private static final String NAME = "confirm.select";

    @Override
    public int classId() {
        return 85;
    }

    @Override
    public int methodId() {
        return 10;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConfirmSelect read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        boolean noWait = r.bit("nowait");
        return new ConfirmSelect(noWait);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .bit(noWait)
                .end();
    }
}
