package io.warren.server.amqp.method;

/**
 * {@code exchange.declare-ok}, class 40 method 11.
 *
 * <p>Server to client: the exchange exists.
 */
public record ExchangeDeclareOk() implements AmqpMethod {
    private static final String NAME = "exchange.declare-ok";

    /** The only value this method needs. */
    public static final ExchangeDeclareOk INSTANCE = new ExchangeDeclareOk();

    @Override
    public int classId() {
        return 40;
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
