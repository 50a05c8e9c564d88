package io.warren.server.amqp.method;

/**
 * {@code confirm.select-ok}, class 85 method 11.
 *
 * <p>Server to client: publisher confirms are on.
 */
public record ConfirmSelectOk() implements AmqpMethod {
    private static final String NAME = "confirm.select-ok";

    /** The only value this method needs. */
    public static final ConfirmSelectOk INSTANCE = new ConfirmSelectOk();

    @Override
    public int classId() {
        return 85;
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
