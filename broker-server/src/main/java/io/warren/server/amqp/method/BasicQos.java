package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.qos}, class 60 method 10.
 *
 * <p>Client to server: limit unacknowledged deliveries by size and count (0 means no limit), per consumer or, with
 * {@code global}, per channel.
 */
public record BasicQos(long prefetchSize, int prefetchCount, boolean global) implements AmqpMethod {
    private static final String NAME = "basic.qos";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 10;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicQos read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        long prefetchSize = r.longInt("prefetch-size");
        int prefetchCount = r.shortInt("prefetch-count");
        boolean global = r.bit("global");
        return new BasicQos(prefetchSize, prefetchCount, global);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longInt(prefetchSize, "prefetch-size")
                .shortInt(prefetchCount, "prefetch-count")
                .bit(global)
                .end();
    }
}
