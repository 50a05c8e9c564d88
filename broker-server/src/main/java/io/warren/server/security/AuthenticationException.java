package io.warren.server.security;

/**
 * A login was refused or could not be attempted. The message is the reply text the protocol layer puts in
 * {@code connection.close}, already in RabbitMQ's form {@code "<REPLY_NAME> - <reason>"}, and
 * {@link #replyCode()} is the AMQP reply code to send with it. The text is safe to show a client: it never
 * contains a password, and for an unknown user and a wrong password it is the same, so a client cannot tell
 * which user names exist. The real reason goes to the broker log.
 *
 * <p>Immutable.
 */
public final class AuthenticationException extends Exception {

    /** AMQP reply code {@code access-refused}. */
    public static final int ACCESS_REFUSED = 403;
    /** AMQP reply code {@code command-invalid}, used by RabbitMQ for an unknown SASL mechanism. */
    public static final int COMMAND_INVALID = 503;

    private final int replyCode;

    private AuthenticationException(int replyCode, String replyText) {
        super(replyText);
        this.replyCode = replyCode;
    }

    /** A refusal with reply code 403 and text {@code "ACCESS_REFUSED - " + reason}. */
    public static AuthenticationException accessRefused(String reason) {
        return new AuthenticationException(ACCESS_REFUSED, "ACCESS_REFUSED - " + reason);
    }

    /** A refusal with reply code 503 and text {@code "COMMAND_INVALID - " + reason}. */
    public static AuthenticationException commandInvalid(String reason) {
        return new AuthenticationException(COMMAND_INVALID, "COMMAND_INVALID - " + reason);
    }

    /** The AMQP reply code for {@code connection.close}. */
    public int replyCode() {
        return replyCode;
    }

    /** The reply text for {@code connection.close}; the same as {@link #getMessage()}. */
    public String replyText() {
        return getMessage();
    }
}
