package io.warren.jms.transport.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.jms.transport.ErrorCodes;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.ResourceAllocationException;

/**
 * Translates what {@code amqp-client} throws into the JMS exception the specification names, with the broker's
 * reply code as {@link ErrorCodes error code} where the JMS classes react to it.
 */
final class AmqpErrors {
    private static final int NOT_FOUND = 404;
    private static final int ACCESS_REFUSED = 403;
    private static final int RESOURCE_LOCKED = 405;
    private static final int PRECONDITION_FAILED = 406;
    private static final int RESOURCE_ERROR = 506;

    private AmqpErrors() {
    }

    /** The JMS exception for a failed operation, saying what was being done. */
    static JMSException toJms(String operation, Throwable failure) {
        ShutdownSignalException shutdown = shutdownOf(failure);
        if (shutdown != null && shutdown.getReason() != null) {
            int code = replyCode(shutdown.getReason());
            String text = replyText(shutdown.getReason());
            String message = operation + " failed: " + text + " (" + code + ")";
            if (shutdown.isInitiatedByApplication() && failure instanceof AlreadyClosedException) {
                return withCause(new IllegalStateException(operation + " failed: the channel or connection is"
                        + " closed", ErrorCodes.CONNECTION_LOST), failure);
            }
            JMSException j = switch (code) {
                case NOT_FOUND -> new InvalidDestinationException(message, ErrorCodes.NOT_FOUND);
                case ACCESS_REFUSED -> new InvalidDestinationException(message, ErrorCodes.ACCESS_REFUSED);
                case RESOURCE_LOCKED -> new IllegalStateException(message, ErrorCodes.RESOURCE_LOCKED);
                case PRECONDITION_FAILED -> new IllegalStateException(message, ErrorCodes.PRECONDITION_FAILED);
                case RESOURCE_ERROR -> new ResourceAllocationException(message, String.valueOf(code));
                default -> new JMSException(message, shutdown.isHardError() ? ErrorCodes.CONNECTION_LOST
                        : String.valueOf(code));
            };
            return withCause(j, failure);
        }
        if (failure instanceof AuthenticationFailureException) {
            return withCause(new JMSSecurityException(operation + " failed: " + failure.getMessage()), failure);
        }
        return withCause(new JMSException(operation + " failed: " + describe(failure), ErrorCodes.CONNECTION_LOST),
                failure);
    }

    static String describe(Throwable t) {
        ShutdownSignalException shutdown = shutdownOf(t);
        if (shutdown != null && shutdown.getReason() != null) {
            return replyText(shutdown.getReason()) + " (" + replyCode(shutdown.getReason()) + ")";
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    static ShutdownSignalException shutdownOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ShutdownSignalException s) {
                return s;
            }
        }
        return null;
    }

    private static int replyCode(com.rabbitmq.client.Method reason) {
        if (reason instanceof AMQP.Channel.Close c) {
            return c.getReplyCode();
        }
        if (reason instanceof AMQP.Connection.Close c) {
            return c.getReplyCode();
        }
        return 0;
    }

    private static String replyText(com.rabbitmq.client.Method reason) {
        if (reason instanceof AMQP.Channel.Close c) {
            return c.getReplyText();
        }
        if (reason instanceof AMQP.Connection.Close c) {
            return c.getReplyText();
        }
        return reason.protocolMethodName();
    }

    static <T extends JMSException> T withCause(T j, Throwable cause) {
        j.initCause(cause);
        if (cause instanceof Exception e) {
            j.setLinkedException(e);
        }
        return j;
    }
}
