package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code channel.open-ok}, class 20 method 11.
 *
 * <p>Server to client: the channel is open.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record ChannelOpenOk() implements AmqpMethod {
    private static final String NAME = "channel.open-ok";

    /** The only value this method needs. */
    public static final ChannelOpenOk INSTANCE = new ChannelOpenOk();

    @Override
    public int classId() {
        return 20;
    }

    @Override
    public int methodId() {
        return 11;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ChannelOpenOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.longstr("reserved-1");
        return new ChannelOpenOk();
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longstr("")
                .end();
    }
}
