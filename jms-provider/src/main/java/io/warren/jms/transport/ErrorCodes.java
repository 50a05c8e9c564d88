package io.warren.jms.transport;

/**
 * The {@link jakarta.jms.JMSException#getErrorCode() error codes} a transport puts on the exceptions it throws,
 * named as AMQP names its reply codes, so the JMS classes react to a broker's refusal the same way over any
 * transport.
 */
public final class ErrorCodes {
    /** The queue or exchange does not exist. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The queue exists with other properties, or has consumers or messages where it must not. */
    public static final String PRECONDITION_FAILED = "PRECONDITION_FAILED";
    /** Another connection holds the exclusive resource. */
    public static final String RESOURCE_LOCKED = "RESOURCE_LOCKED";
    /** The broker refused the operation to this user or connection. */
    public static final String ACCESS_REFUSED = "ACCESS_REFUSED";
    /** The connection to the broker is gone. */
    public static final String CONNECTION_LOST = "CONNECTION_LOST";

    private ErrorCodes() {
    }
}
