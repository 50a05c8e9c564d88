package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code queue.purge-ok}, class 50 method 31.
 *
 * <p>Server to client: how many messages were purged.
 */
public record QueuePurgeOk(long messageCount) implements AmqpMethod {
    private static final String NAME = "queue.purge-ok";

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 31;
    }

    @Override
    public String name() {
        return NAME;
    }

    static QueuePurgeOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        long messageCount = r.longInt("message-count");
        return new QueuePurgeOk(messageCount);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longInt(messageCount, "message-count")
                .end();
    }
}
