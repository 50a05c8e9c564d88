package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code connection.tune}, class 10 method 30.
 *
 * <p>Server to client: the highest channel number, frame size and heartbeat interval (seconds) the server proposes;
 * 0 means no limit.
 */
public record ConnectionTune(int channelMax, long frameMax, int heartbeat) implements AmqpMethod {
    private static final String NAME = "connection.tune";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 30;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionTune read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        int channelMax = r.shortInt("channel-max");
        long frameMax = r.longInt("frame-max");
        int heartbeat = r.shortInt("heartbeat");
        return new ConnectionTune(channelMax, frameMax, heartbeat);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(channelMax, "channel-max")
                .longInt(frameMax, "frame-max")
                .shortInt(heartbeat, "heartbeat")
                .end();
    }
}
