package io.warren.server.amqp.method;

/**
 * {@code tx.select-ok}, class 90 method 11.
 *
 * <p>Server to client: the channel is transactional.
 */
public record TxSelectOk() implements AmqpMethod {
    private static final String NAME = "tx.select-ok";

    /** The only value this method needs. */
    public static final TxSelectOk INSTANCE = new TxSelectOk();

    @Override
    public int classId() {
        return 90;
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
