package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code channel.flow-ok}, class 20 method 21.
 *
 * <p>Either peer: confirms {@code channel.flow} with the flow state now in effect.
 */
public record ChannelFlowOk(boolean active) implements AmqpMethod {
    private static final String NAME = "channel.flow-ok";

    @Override
    public int classId() {
        return 20;
    }

    @Override
    public int methodId() {
        return 21;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ChannelFlowOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        boolean active = r.bit("active");
        return new ChannelFlowOk(active);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .bit(active)
                .end();
    }
}
