package io.warren.server.amqp;

import io.warren.broker.BrokerException;
import io.warren.server.amqp.codec.ReplyCodes;

/**
 * Translates the engine's {@link BrokerException}s into the AMQP exceptions RabbitMQ raises for the same
 * failure, so clients see the reply codes they are written against.
 */
final class BrokerErrors {
    private BrokerErrors() {
    }

    static AmqpException toAmqp(BrokerException e) {
        String text = e.getMessage();
        return switch (e.code()) {
            case NOT_FOUND -> AmqpException.channel(ReplyCodes.NOT_FOUND, text);
            case ACCESS_REFUSED -> AmqpException.channel(ReplyCodes.ACCESS_REFUSED, text);
            case RESOURCE_LOCKED -> AmqpException.channel(ReplyCodes.RESOURCE_LOCKED, text);
            // RabbitMQ reports bad arguments, unknown delivery tags and a missing tx.select as PRECONDITION_FAILED.
            case PRECONDITION_FAILED, INVALID_ARGUMENT, SYNTAX_ERROR, ILLEGAL_STATE ->
                    AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, text);
            case RESOURCE_ERROR -> AmqpException.connection(ReplyCodes.RESOURCE_ERROR, text);
            case STORE_ERROR -> AmqpException.connection(ReplyCodes.INTERNAL_ERROR, text);
        };
    }
}
