package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code queue.purge}, class 50 method 30.
 *
 * <p>Client to server: remove all ready messages from a queue.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record QueuePurge(String queue, boolean noWait) implements AmqpMethod {
    private static final String NAME = "queue.purge";

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 30;
    }

    @Override
    public String name() {
        return NAME;
    }

    static QueuePurge read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String queue = r.shortstr("queue");
        boolean noWait = r.bit("no-wait");
        return new QueuePurge(queue, noWait);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(queue, "queue")
                .bit(noWait)
                .end();
    }
}
