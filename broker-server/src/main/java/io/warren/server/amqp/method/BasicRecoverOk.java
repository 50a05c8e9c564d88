package io.warren.server.amqp.method;

/**
 * {@code basic.recover-ok}, class 60 method 111.
 *
 * <p>Server to client: recovery is done.
 */
public record BasicRecoverOk() implements AmqpMethod {
    private static final String NAME = "basic.recover-ok";

    /** The only value this method needs. */
    public static final BasicRecoverOk INSTANCE = new BasicRecoverOk();

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 111;
    }

    @Override
    public String name() {
        return NAME;
    }
}
