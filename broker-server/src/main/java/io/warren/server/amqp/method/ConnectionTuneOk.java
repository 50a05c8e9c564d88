package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code connection.tune-ok}, class 10 method 31.
 *
 * <p>Client to server: the channel-max, frame-max and heartbeat the client settles on.
 */
public record ConnectionTuneOk(int channelMax, long frameMax, int heartbeat) implements AmqpMethod {
    private static final String NAME = "connection.tune-ok";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 31;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionTuneOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        int channelMax = r.shortInt("channel-max");
        long frameMax = r.longInt("frame-max");
        int heartbeat = r.shortInt("heartbeat");
        return new ConnectionTuneOk(channelMax, frameMax, heartbeat);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(channelMax, "channel-max")
                .longInt(frameMax, "frame-max")
                .shortInt(heartbeat, "heartbeat")
                .end();
    }
}
