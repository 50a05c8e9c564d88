package io.warren.server.amqp.method;

/**
 * {@code queue.unbind-ok}, class 50 method 51.
 *
 * <p>Server to client: the binding is removed.
 */
public record QueueUnbindOk() implements AmqpMethod {
    private static final String NAME = "queue.unbind-ok";

    /** The only value this method needs. */
    public static final QueueUnbindOk INSTANCE = new QueueUnbindOk();

    @Override
    public int classId() {
        return 50;
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
