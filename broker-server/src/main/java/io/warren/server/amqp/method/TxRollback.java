package io.warren.server.amqp.method;

/**
 * {@code tx.rollback}, class 90 method 30.
 *
 * <p>Client to server: abandon the current transaction.
 */
public record TxRollback() implements AmqpMethod {
    private static final String NAME = "tx.rollback";

    /** The only value this method needs. */
    public static final TxRollback INSTANCE = new TxRollback();

    @Override
    public int classId() {
        return 90;
    }

    @Override
    public int methodId() {
        return 30;
    }

    @Override
    public String name() {
        return NAME;
    }
}
