package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.get}, class 60 method 70.
 *
 * <p>Client to server: fetch one message from a queue.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record BasicGet(String queue, boolean noAck) implements AmqpMethod {
    private static final String NAME = "basic.get";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 70;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicGet read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String queue = r.shortstr("queue");
        boolean noAck = r.bit("no-ack");
        return new BasicGet(queue, noAck);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(queue, "queue")
                .bit(noAck)
                .end();
    }
}
