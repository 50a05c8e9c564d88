package io.warren.server.amqp.method;

/**
 * {@code channel.close-ok}, class 20 method 41.
 *
 * <p>Either peer: confirms {@code channel.close}.
 */
public record ChannelCloseOk() implements AmqpMethod {
    private static final String NAME = "channel.close-ok";

    /** The only value this method needs. */
    public static final ChannelCloseOk INSTANCE = new ChannelCloseOk();

    @Override
    public int classId() {
        return 20;
    }

    @Override
    public int methodId() {
        return 41;
    }

    @Override
    public String name() {
        return NAME;
    }
}
