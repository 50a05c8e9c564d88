package io.warren.spring.boot.autoconfigure;

import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import java.util.Map;

/** Declares on a virtual host of the embedded engine, through a client connection of its own. */
final class EngineTopologyTarget implements TopologyTarget {
    private final ClientConnection connection;
    private final Channel channel;

    EngineTopologyTarget(VirtualHost host) {
        connection = host.connect("spring-boot-topology");
        channel = connection.createChannel();
    }

    @Override
    public void declareExchange(String name, String type, boolean durable) {
        channel.exchangeDeclare(name, ExchangeType.fromName(type), durable, false, false, Map.of());
    }

    @Override
    public void declareQueue(String name, boolean durable, Map<String, Object> arguments) {
        channel.queueDeclare(name, durable, false, false, arguments);
    }

    @Override
    public void bindQueue(String queue, String exchange, String routingKey, Map<String, Object> arguments) {
        channel.queueBind(queue, exchange, routingKey, arguments);
    }

    @Override
    public void bindExchange(String destination, String source, String routingKey, Map<String, Object> arguments) {
        channel.exchangeBind(destination, source, routingKey, arguments);
    }

    @Override
    public void close() {
        connection.close();
    }
}
