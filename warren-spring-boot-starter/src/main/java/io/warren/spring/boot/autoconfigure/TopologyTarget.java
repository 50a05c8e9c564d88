package io.warren.spring.boot.autoconfigure;

import java.util.Map;

/**
 * Where {@link TopologyDeclarer} declares exchanges, queues and bindings: a virtual host of the embedded engine, or
 * a remote broker over AMQP. Each call either succeeds or throws with the broker's reason; used from one thread.
 */
interface TopologyTarget extends AutoCloseable {
    /** Declares an exchange of type {@code type} (direct, fanout, topic, headers). */
    void declareExchange(String name, String type, boolean durable) throws Exception;

    void declareQueue(String name, boolean durable, Map<String, Object> arguments) throws Exception;

    void bindQueue(String queue, String exchange, String routingKey, Map<String, Object> arguments) throws Exception;

    void bindExchange(String destination, String source, String routingKey, Map<String, Object> arguments)
            throws Exception;

    /** Releases the connection used for declaring; never fails. */
    @Override
    void close();
}
