package io.warren.server.amqp.method;

/**
 * {@code tx.select}, class 90 method 10.
 *
 * <p>Client to server: make the channel transactional.
 */
public record TxSelect() implements AmqpMethod {
    private static final String NAME = "tx.select";

    /** The only value this method needs. */
    public static final TxSelect INSTANCE = new TxSelect();

    @Override
    public int classId() {
        return 90;
    }

    @Override
    public int methodId() {
        return 10;
    }

    @Override
    public String name() {
        return NAME;
    }
}
