package io.warren.server.amqp;

import io.warren.server.amqp.codec.AmqpStrings;
import io.warren.server.amqp.codec.ReplyCodes;

/**
 * A protocol-level failure to report to the client: a channel exception (the channel is closed with
 * {@code channel.close}) or a connection exception (the connection is closed with {@code connection.close}),
 * with the reply code and text RabbitMQ would give, and the method that failed.
 */
public final class AmqpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int replyCode;
    private final boolean connectionLevel;
    private final int classId;
    private final int methodId;

    private AmqpException(int replyCode, String text, boolean connectionLevel, int classId, int methodId) {
        super(text);
        this.replyCode = replyCode;
        this.connectionLevel = connectionLevel;
        this.classId = classId;
        this.methodId = methodId;
    }

    /** A channel exception: only the channel closes. */
    public static AmqpException channel(int replyCode, String text) {
        return new AmqpException(replyCode, text, false, 0, 0);
    }

    /** A connection exception: the whole connection closes. */
    public static AmqpException connection(int replyCode, String text) {
        return new AmqpException(replyCode, text, true, 0, 0);
    }

    /** The same failure, attributed to the method that caused it. */
    public AmqpException during(int failingClassId, int failingMethodId) {
        if (classId != 0) {
            return this;
        }
        return new AmqpException(replyCode, getMessage(), connectionLevel, failingClassId, failingMethodId);
    }

    public int replyCode() {
        return replyCode;
    }

    public boolean connectionLevel() {
        return connectionLevel;
    }

    public int classId() {
        return classId;
    }

    public int methodId() {
        return methodId;
    }

    /** The reply text as RabbitMQ words it: the code's name, a dash, then what was wrong. */
    public String replyText() {
        return AmqpStrings.truncateToShortstr(ReplyCodes.name(replyCode) + " - " + getMessage());
    }
}
