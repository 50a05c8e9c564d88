package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code queue.delete}, class 50 method 40.
 *
 * <p>Client to server: delete a queue.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record QueueDelete(String queue, boolean ifUnused, boolean ifEmpty, boolean noWait) implements AmqpMethod {
    private static final String NAME = "queue.delete";

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 40;
    }

    @Override
    public String name() {
        return NAME;
    }

    static QueueDelete read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String queue = r.shortstr("queue");
        boolean ifUnused = r.bit("if-unused");
        boolean ifEmpty = r.bit("if-empty");
        boolean noWait = r.bit("no-wait");
        return new QueueDelete(queue, ifUnused, ifEmpty, noWait);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(queue, "queue")
                .bit(ifUnused)
                .bit(ifEmpty)
                .bit(noWait)
                .end();
    }
}
