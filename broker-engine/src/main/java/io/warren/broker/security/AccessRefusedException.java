package io.warren.broker.security;

/**
 * An operation was refused by {@link AccessControl}. The message is RabbitMQ's reason text, for example
 * {@code "access to queue 'q1' in vhost '/' refused for user 'bob'"}; the protocol layer sends it with reply
 * code {@link #ACCESS_REFUSED} (closing the channel) for resource checks, and with {@link #NOT_ALLOWED}
 * (closing the connection) when {@link AccessControl#checkVhostAccess} refuses {@code connection.open}, as
 * {@link #replyCode()} says.
 *
 * <p>Immutable. Unchecked because the protocol layer maps it to a channel or connection close in one place.
 */
public final class AccessRefusedException extends RuntimeException {

    /** AMQP reply code {@code access-refused}. */
    public static final int ACCESS_REFUSED = 403;
    /** AMQP reply code {@code not-allowed}, which RabbitMQ sends when a vhost may not be opened. */
    public static final int NOT_ALLOWED = 530;

    private final int replyCode;

    /** A refusal with {@code message} as the reason and {@code replyCode} as the AMQP reply code. */
    public AccessRefusedException(int replyCode, String message) {
        super(message);
        this.replyCode = replyCode;
    }

    /** The AMQP reply code the refusal should be sent with. */
    public int replyCode() {
        return replyCode;
    }

    /** The reply text in RabbitMQ's form, e.g. {@code "ACCESS_REFUSED - access to queue ..."}. */
    public String replyText() {
        return (replyCode == NOT_ALLOWED ? "NOT_ALLOWED - " : "ACCESS_REFUSED - ") + getMessage();
    }
}
