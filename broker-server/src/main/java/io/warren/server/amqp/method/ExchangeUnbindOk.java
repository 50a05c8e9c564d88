package io.warren.server.amqp.method;

/**
 * {@code exchange.unbind-ok}, class 40 method 51.
 *
 * <p>Server to client: the exchange binding is removed. Its method id is 51, not 41, as in RabbitMQ.
 */
public record ExchangeUnbindOk() implements AmqpMethod {
    private static final String NAME = "exchange.unbind-ok";

    /** The only value this method needs. */
    public static final ExchangeUnbindOk INSTANCE = new ExchangeUnbindOk();

    @Override
    public int classId() {
        return 40;
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
