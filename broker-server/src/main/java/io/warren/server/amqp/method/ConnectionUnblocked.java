package io.warren.server.amqp.method;

/**
 * {@code connection.unblocked}, class 10 method 61.
 *
 * <p>Server to client (RabbitMQ extension): publishing may resume.
 */
public record ConnectionUnblocked() implements AmqpMethod {
    private static final String NAME = "connection.unblocked";

    /** The only value this method needs. */
    public static final ConnectionUnblocked INSTANCE = new ConnectionUnblocked();

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 61;
    }

    @Override
    public String name() {
        return NAME;
    }
}
