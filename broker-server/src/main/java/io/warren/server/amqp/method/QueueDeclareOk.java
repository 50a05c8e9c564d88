package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code queue.declare-ok}, class 50 method 11.
 *
 * <p>Server to client: the queue name and its message and consumer counts.
 */
public record QueueDeclareOk(String queue, long messageCount, long consumerCount) implements AmqpMethod {
    private static final String NAME = "queue.declare-ok";

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 11;
    }

    @Override
    public String name() {
        return NAME;
    }

    static QueueDeclareOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        String queue = r.shortstr("queue");
        long messageCount = r.longInt("message-count");
        long consumerCount = r.longInt("consumer-count");
        return new QueueDeclareOk(queue, messageCount, consumerCount);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr(queue, "queue")
                .longInt(messageCount, "message-count")
                .longInt(consumerCount, "consumer-count")
                .end();
    }
}
