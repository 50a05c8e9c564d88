package io.warren.server.amqp.codec;

/**
 * Input or output that does not follow the AMQP 0-9-1 wire format, with the reply code the connection should
 * close with ({@link ReplyCodes#FRAME_ERROR}, {@link ReplyCodes#SYNTAX_ERROR} or
 * {@link ReplyCodes#NOT_IMPLEMENTED}).
 *
 * <p>The decoders in this package and in {@code io.warren.server.amqp.method} throw only this type for bad
 * input, never an {@link IndexOutOfBoundsException} or another runtime exception. No stack trace is filled in:
 * a hostile peer can make these cheaply, and the message names the frame, method and field at fault.
 */
public final class AmqpCodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int replyCode;

    public AmqpCodecException(int replyCode, String message) {
        super(message, null, false, false);
        this.replyCode = replyCode;
    }

    /** The AMQP reply code to close with, one of the {@link ReplyCodes} constants. */
    public int replyCode() {
        return replyCode;
    }

    @Override
    public String toString() {
        return "AmqpCodecException[" + replyCode + " " + ReplyCodes.name(replyCode) + "]: " + getMessage();
    }
}
