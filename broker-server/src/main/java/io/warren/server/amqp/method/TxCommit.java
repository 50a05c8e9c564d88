package io.warren.server.amqp.method;

/**
 * {@code tx.commit}, class 90 method 20.
 *
 * <p>Client to server: commit the current transaction.
 */
public record TxCommit() implements AmqpMethod {
    private static final String NAME = "tx.commit";

    /** The only value this method needs. */
    public static final TxCommit INSTANCE = new TxCommit();

    @Override
    public int classId() {
        return 90;
    }

    @Override
    public int methodId() {
        return 20;
    }

    @Override
    public String name() {
        return NAME;
    }
}
