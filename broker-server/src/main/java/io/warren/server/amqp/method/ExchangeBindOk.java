package io.warren.server.amqp.method;

/**
 * {@code exchange.bind-ok}, class 40 method 31.
 *
 * <p>Server to client: the exchange binding exists.
 */
public record ExchangeBindOk() implements AmqpMethod {
    private static final String NAME = "exchange.bind-ok";

    /** The only value this method needs. */
    public static final ExchangeBindOk INSTANCE = new ExchangeBindOk();

    @Override
    public int classId() {
        return 40;
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
