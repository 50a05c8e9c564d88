package io.warren.server.amqp.method;

/**
 * {@code queue.bind-ok}, class 50 method 21.
 *
 * <p>Server to client: the binding exists.
 */
public record QueueBindOk() implements AmqpMethod {
    private static final String NAME = "queue.bind-ok";

    /** The only value this method needs. */
    public static final QueueBindOk INSTANCE = new QueueBindOk();

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 21;
    }

    @Override
    public String name() {
        return NAME;
    }
}
