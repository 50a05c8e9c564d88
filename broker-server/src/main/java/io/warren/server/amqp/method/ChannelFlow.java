package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code channel.flow}, class 20 method 20.
 *
 * <p>Either peer: stop ({@code active} false) or restart sending content on the channel.
 */
public record ChannelFlow(boolean active) implements AmqpMethod {
    private static final String NAME = "channel.flow";

    @Override
    public int classId() {
        return 20;
    }

    @Override
    public int methodId() {
        return 20;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ChannelFlow read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        boolean active = r.bit("active");
        return new ChannelFlow(active);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .bit(active)
                .end();
    }
}
