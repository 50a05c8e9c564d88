package io.warren.server.amqp.method;

/**
 * {@code connection.close-ok}, class 10 method 51.
 *
 * <p>Either peer: confirms {@code connection.close}; the socket may now be closed.
 */
public record ConnectionCloseOk() implements AmqpMethod {
    private static final String NAME = "connection.close-ok";

    /** The only value this method needs. */
    public static final ConnectionCloseOk INSTANCE = new ConnectionCloseOk();

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 51;
    }

    @Override
    public String name() {
        return NAME;
    }
}
