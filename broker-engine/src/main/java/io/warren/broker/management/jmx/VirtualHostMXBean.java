package io.warren.broker.management.jmx;

import java.util.List;

/**
 * A virtual host: {@code io.warren:type=Broker,name=BROKER,vhost=VHOST}. Attributes are read afresh on every
 * request; operations follow the same rules as AMQP clients (reserved {@code amq.} names, inequivalent
 * redeclarations and exclusive queues are refused) and fail with a {@link javax.management.MBeanException}
 * whose message names the object and the error code.
 */
public interface VirtualHostMXBean {

    String getName();

    int getQueueCount();

    /** Exchanges, the predeclared ones ({@code amq.*} and the default exchange) included. */
    int getExchangeCount();

    int getConnectionCount();

    /** Messages ready for delivery, summed over the queues. */
    long getMessagesReady();

    /** Messages delivered and not yet acknowledged, summed over the queues. */
    long getMessagesUnacknowledged();

    List<String> getQueueNames();

    /** Exchange names; {@code ""} is the default exchange. */
    List<String> getExchangeNames();

    /**
     * Declares a queue, neither exclusive nor auto-delete, without arguments; declaring an existing equivalent
     * queue is harmless.
     */
    void createQueue(String name, boolean durable) throws Exception;

    /** Deletes a queue with its messages and bindings; returns how many messages it held. */
    int deleteQueue(String name) throws Exception;

    /** Declares an exchange of type {@code direct}, {@code fanout}, {@code topic} or {@code headers}. */
    void createExchange(String name, String type, boolean durable) throws Exception;

    /** Deletes an exchange and its bindings. */
    void deleteExchange(String name) throws Exception;

    /** Every explicit binding, ordered by source, destination and key (not the default exchange's). */
    List<BindingRow> listBindings();
}
