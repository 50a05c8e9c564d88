package io.warren.server.amqp.method;

/**
 * {@code tx.rollback-ok}, class 90 method 31.
 *
 * <p>Server to client: the transaction is rolled back.
 */
public record TxRollbackOk() implements AmqpMethod {
    private static final String NAME = "tx.rollback-ok";

    /** The only value this method needs. */
    public static final TxRollbackOk INSTANCE = new TxRollbackOk();

    @Override
    public int classId() {
        return 90;
    }

    @Override
    public int methodId() {
        return 31;
    }

    @Override
    public String name() {
        return NAME;
    }
}
