package io.warren.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;

/** Wraps failures as JMS exceptions, and turns JMS exceptions into their unchecked counterparts. */
public final class JmsExceptions {
    private JmsExceptions() {
    }

    /** Wraps any failure; engine errors are translated, JMS exceptions pass through. */
    public static JMSException from(Throwable t) {
        if (t instanceof JMSException j) {
            return j;
        }
        if (t instanceof JMSRuntimeException r && r.getCause() instanceof JMSException j) {
            return j;
        }
        return withCause(new JMSException(String.valueOf(t.getMessage() == null ? t : t.getMessage())), t);
    }

    public static <T extends JMSException> T withCause(T j, Throwable cause) {
        j.initCause(cause);
        if (cause instanceof Exception ex) {
            j.setLinkedException(ex);
        }
        return j;
    }

    /** The unchecked counterpart of a JMS exception, as {@code JMSContext} methods throw. */
    public static JMSRuntimeException toRuntime(JMSException e) {
        String msg = e.getMessage();
        String code = e.getErrorCode();
        JMSRuntimeException r;
        if (e instanceof IllegalStateException) {
            r = new IllegalStateRuntimeException(msg, code, e);
        } else if (e instanceof InvalidClientIDException) {
            r = new InvalidClientIDRuntimeException(msg, code, e);
        } else if (e instanceof InvalidDestinationException) {
            r = new InvalidDestinationRuntimeException(msg, code, e);
        } else if (e instanceof InvalidSelectorException) {
            r = new InvalidSelectorRuntimeException(msg, code, e);
        } else if (e instanceof JMSSecurityException) {
            r = new JMSSecurityRuntimeException(msg, code, e);
        } else if (e instanceof MessageFormatException) {
            r = new MessageFormatRuntimeException(msg, code, e);
        } else if (e instanceof MessageNotWriteableException) {
            r = new MessageNotWriteableRuntimeException(msg, code, e);
        } else if (e instanceof ResourceAllocationException) {
            r = new ResourceAllocationRuntimeException(msg, code, e);
        } else if (e instanceof TransactionInProgressException) {
            r = new TransactionInProgressRuntimeException(msg, code, e);
        } else if (e instanceof TransactionRolledBackException) {
            r = new TransactionRolledBackRuntimeException(msg, code, e);
        } else {
            r = new JMSRuntimeException(msg, code, e);
        }
        return r;
    }
}
