package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code queue.delete-ok}, class 50 method 41.
 *
 * <p>Server to client: how many messages were deleted with the queue.
 */
public record QueueDeleteOk(long messageCount) implements AmqpMethod {
    private static final String NAME = "queue.delete-ok";

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 41;
    }

    @Override
    public String name() {
        return NAME;
    }

    static QueueDeleteOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        long messageCount = r.longInt("message-count");
        return new QueueDeleteOk(messageCount);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longInt(messageCount, "message-count")
                .end();
    }
}
