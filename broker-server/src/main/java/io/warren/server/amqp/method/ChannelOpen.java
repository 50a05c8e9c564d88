package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code channel.open}, class 20 method 10.
 *
 * <p>Client to server: open a channel.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record ChannelOpen() implements AmqpMethod {
    private static final String NAME = "channel.open";

    /** The only value this method needs. */
    public static final ChannelOpen INSTANCE = new ChannelOpen();

    @Override
    public int classId() {
        return 20;
    }

    @Override
    public int methodId() {
        return 10;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ChannelOpen read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortstr("reserved-1");
        return new ChannelOpen();
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr("", "reserved-1")
                .end();
    }
}
