package io.warren.server.amqp.method;

/**
 * {@code connection.update-secret-ok}, class 10 method 71.
 *
 * <p>Server to client (RabbitMQ extension): the secret was accepted.
 */
public record ConnectionUpdateSecretOk() implements AmqpMethod {
    private static final String NAME = "connection.update-secret-ok";

    /** The only value this method needs. */
    public static final ConnectionUpdateSecretOk INSTANCE = new ConnectionUpdateSecretOk();

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 71;
    }

    @Override
    public String name() {
        return NAME;
    }
}
