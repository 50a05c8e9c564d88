package io.warren.jms.transport.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import jakarta.jms.JMSException;
import java.io.IOException;

/**
 * A connection's channel for declarations, deletions, bindings and existence checks. A refused declaration
 * closes an AMQP channel; here that costs only this channel, opened again for the next operation, never a
 * session's channel with its consumers and transaction.
 */
final class TopologyChannel {
    /** One declaration or check on the channel. */
    interface Operation<T> {
        T run(Channel channel) throws IOException;
    }

    private final Connection connection;
    private Channel channel;

    TopologyChannel(Connection connection) {
        this.connection = connection;
    }

    /** Runs an operation; its failure comes back as the JMS exception that says what the broker refused. */
    synchronized <T> T run(String operation, Operation<T> op) throws JMSException {
        try {
            if (channel == null || !channel.isOpen()) {
                channel = connection.createChannel();
                if (channel == null) {
                    throw new JMSException(operation + " failed: the broker allows no more channels");
                }
            }
            return op.run(channel);
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms(operation, e);
        }
    }

    /** Whether an operation succeeds; a refusal with {@code code} (e.g. 404) is an answer, not an error. */
    synchronized boolean succeeds(String operation, String errorCode, Operation<?> op) throws JMSException {
        try {
            run(operation, op);
            return true;
        } catch (JMSException e) {
            if (errorCode.equals(e.getErrorCode())) {
                return false;
            }
            throw e;
        }
    }
}
