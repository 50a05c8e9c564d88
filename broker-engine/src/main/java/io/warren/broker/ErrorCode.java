package io.warren.broker;

/**
 * Why a broker operation failed. The names follow the AMQP 0-9-1 reply codes so that a protocol adapter can
 * map them one to one; the JMS provider maps them to the matching {@code JMSException} subclass.
 */
public enum ErrorCode {
    /** An exchange, queue, binding or consumer that the operation names does not exist. */
    NOT_FOUND(404),
    /** The entity exists with different properties, or a precondition such as if-unused/if-empty failed. */
    PRECONDITION_FAILED(406),
    /** The name is reserved ({@code amq.} prefix) or the operation is not allowed on this entity. */
    ACCESS_REFUSED(403),
    /** An exclusive queue or consumer is held by another connection. */
    RESOURCE_LOCKED(405),
    /** A name or argument is malformed: wrong type, out of range, unknown value. */
    INVALID_ARGUMENT(402),
    /** The message selector does not parse. */
    SYNTAX_ERROR(502),
    /** A limit was reached: the queue refuses publishes or memory is short. */
    RESOURCE_ERROR(506),
    /** The operation is not valid in the current state (closed channel, unknown delivery tag, no transaction). */
    ILLEGAL_STATE(503),
    /** The store failed to write or read. */
    STORE_ERROR(541);

    private final int replyCode;

    ErrorCode(int replyCode) {
        this.replyCode = replyCode;
    }

    /** The AMQP 0-9-1 reply code closest to this error. */
    public int replyCode() {
        return replyCode;
    }
}
