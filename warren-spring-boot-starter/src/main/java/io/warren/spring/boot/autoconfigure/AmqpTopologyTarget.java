package io.warren.spring.boot.autoconfigure;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.jms.transport.amqp.AmqpTransport;
import io.warren.jms.url.ConnectionUrl;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Declares on a remote broker (a Warren server or RabbitMQ) over AMQP 0-9-1 with RabbitMQ's client, connected as
 * the JMS connections are (same URL, login, TLS). A refusal comes back as an {@link IOException} whose message is
 * the broker's reply text.
 */
final class AmqpTopologyTarget implements TopologyTarget {
    private final Connection connection;
    private final Channel channel;

    AmqpTopologyTarget(ConnectionUrl url, String user, String password) throws IOException, TimeoutException {
        connection = AmqpTransport.clientFactory(url, user, password)
                .newConnection(AmqpTransport.addresses(url), "warren-spring-boot-topology");
        try {
            channel = connection.createChannel();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void declareExchange(String name, String type, boolean durable) throws IOException {
        refusal(() -> channel.exchangeDeclare(name, type, durable, false, false, Map.of()));
    }

    @Override
    public void declareQueue(String name, boolean durable, Map<String, Object> arguments) throws IOException {
        refusal(() -> channel.queueDeclare(name, durable, false, false, arguments));
    }

    @Override
    public void bindQueue(String queue, String exchange, String routingKey, Map<String, Object> arguments)
            throws IOException {
        refusal(() -> channel.queueBind(queue, exchange, routingKey, arguments));
    }

    @Override
    public void bindExchange(String destination, String source, String routingKey, Map<String, Object> arguments)
            throws IOException {
        refusal(() -> channel.exchangeBind(destination, source, routingKey, arguments));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            // the connection is gone either way; nothing was left half-declared by closing it
        }
    }

    private interface Call {
        Object run() throws IOException;
    }

    /** Runs a call; a refusal closes the channel, and its reply text becomes the exception's message. */
    private static void refusal(Call call) throws IOException {
        try {
            call.run();
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close c) {
                throw new IOException(c.getReplyText(), e);
            }
            throw e;
        }
    }
}
