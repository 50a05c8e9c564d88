package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code connection.blocked}, class 10 method 60.
 *
 * <p>Server to client (RabbitMQ extension): publishing is blocked, for example by a memory alarm.
 */
public record ConnectionBlocked(String reason) implements AmqpMethod {
    private static final String NAME = "connection.blocked";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 60;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionBlocked read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        String reason = r.shortstr("reason");
        return new ConnectionBlocked(reason);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr(reason, "reason")
                .end();
    }
}
