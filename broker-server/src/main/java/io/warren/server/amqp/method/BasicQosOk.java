package io.warren.server.amqp.method;

/**
 * {@code basic.qos-ok}, class 60 method 11.
 *
 * <p>Server to client: the limits are in effect.
 */
public record BasicQosOk() implements AmqpMethod {
    private static final String NAME = "basic.qos-ok";

    /** The only value this method needs. */
    public static final BasicQosOk INSTANCE = new BasicQosOk();

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 11;
    }

    @Override
    public String name() {
        return NAME;
    }
}
