package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code connection.open-ok}, class 10 method 41.
 *
 * <p>Server to client: the virtual host is open.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record ConnectionOpenOk() implements AmqpMethod {
    private static final String NAME = "connection.open-ok";

    /** The only value this method needs. */
    public static final ConnectionOpenOk INSTANCE = new ConnectionOpenOk();

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 41;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionOpenOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortstr("reserved-1");
        return new ConnectionOpenOk();
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr("", "reserved-1")
                .end();
    }
}
