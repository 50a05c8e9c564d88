package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.get-empty}, class 60 method 72.
 *
 * <p>Server to client: the queue had no message for {@code basic.get}.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record BasicGetEmpty() implements AmqpMethod {
    private static final String NAME = "basic.get-empty";

    /** The only value this method needs. */
    public static final BasicGetEmpty INSTANCE = new BasicGetEmpty();

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 72;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicGetEmpty read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortstr("reserved-1");
        return new BasicGetEmpty();
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr("", "reserved-1")
                .end();
    }
}
