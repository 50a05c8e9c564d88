package io.warren.server.amqp.method;

/**
 * {@code exchange.delete-ok}, class 40 method 21.
 *
 * <p>Server to client: the exchange is deleted.
 */
public record ExchangeDeleteOk() implements AmqpMethod {
    private static final String NAME = "exchange.delete-ok";

    /** The only value this method needs. */
    public static final ExchangeDeleteOk INSTANCE = new ExchangeDeleteOk();

    @Override
    public int classId() {
        return 40;
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
