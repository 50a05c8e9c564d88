package io.warren.server.amqp.method;

/**
 * {@code tx.commit-ok}, class 90 method 21.
 *
 * <p>Server to client: the transaction is committed.
 */
public record TxCommitOk() implements AmqpMethod {
    private static final String NAME = "tx.commit-ok";

    /** The only value this method needs. */
    public static final TxCommitOk INSTANCE = new TxCommitOk();

    @Override
    public int classId() {
        return 90;
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
