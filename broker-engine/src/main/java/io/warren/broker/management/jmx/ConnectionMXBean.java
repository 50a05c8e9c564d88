package io.warren.broker.management.jmx;

import java.util.Date;
import java.util.Map;

/**
 * A client connection: {@code io.warren:type=Broker,name=BROKER,vhost=VHOST,component=connections,connection=ID}.
 * Attributes are read afresh on every request; reading one after the connection closed, before the MBean goes,
 * fails.
 */
public interface ConnectionMXBean {

    /** The broker's id for the connection, unique in the JVM. */
    String getId();

    String getVirtualHost();

    /** The authenticated user, {@code ""} when the broker has no users. */
    String getUser();

    /** {@code AMQP 0-9-1} for network clients, {@code vm} for clients in the same JVM. */
    String getProtocol();

    /** The client's {@code host:port}, {@code ""} in the same JVM. */
    String getPeer();

    /** The name the client gave, {@code ""} when none. */
    String getClientName();

    Date getConnectedAt();

    int getChannels();

    /** Consumers over all its channels. */
    int getConsumers();

    /** What the client announced about itself (AMQP {@code client-properties}), values as text. */
    Map<String, String> getClientProperties();

    /**
     * Closes the connection as the broker does when it stops: its channels close, their unacknowledged messages
     * go back to their queues, and the client is told {@code reason}.
     */
    void close(String reason) throws Exception;
}
