package io.warren.jms.transport.vm;

import io.warren.broker.BrokerException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.ResourceAllocationException;

/** Translates engine errors into the {@code JMSException} subclass the specification names. */
final class EngineErrors {
    private EngineErrors() {
    }

    /**
     * The JMS exception for an engine failure, with the engine's message, the code's name as error code (the
     * names of {@link io.warren.jms.transport.ErrorCodes}) and the failure as cause.
     */
    static JMSException toJms(BrokerException e) {
        String msg = e.getMessage();
        String code = e.code().name();
        JMSException j = switch (e.code()) {
            case NOT_FOUND, ACCESS_REFUSED, INVALID_ARGUMENT -> new InvalidDestinationException(msg, code);
            case SYNTAX_ERROR -> new InvalidSelectorException(msg, code);
            case RESOURCE_ERROR -> new ResourceAllocationException(msg, code);
            case RESOURCE_LOCKED, PRECONDITION_FAILED, ILLEGAL_STATE -> new IllegalStateException(msg, code);
            default -> new JMSException(msg, code);
        };
        j.initCause(e);
        j.setLinkedException(e);
        return j;
    }
}
