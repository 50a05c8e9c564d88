package io.warren.jms.transport;

import jakarta.jms.JMSException;
import java.util.function.Consumer;

/** A JMS connection's link to a broker, over one transport. */
public interface BrokerConnection {
    /** Unique among the broker's connections: names this connection's temporary queues and subscriptions. */
    String id();

    /** The tag the broker puts on messages this connection publishes, which no-local consumers skip. */
    String origin();

    /** What the broker behind this connection can do for JMS. */
    BrokerFeatures features();

    BrokerChannel createChannel() throws JMSException;

    /**
     * Names the resource manager behind this connection for XA's {@code isSameRM}: equal for two connections
     * exactly when they reach the same broker and virtual host, so their branches share one store.
     */
    String resourceManagerId();

    /**
     * Claims a client ID for this connection, unique on the broker (across processes, where the broker is
     * shared) until the connection closes.
     *
     * @throws jakarta.jms.InvalidClientIDException when another connection holds it
     */
    void claimClientId(String clientId) throws JMSException;

    /**
     * Takes a client ID this connection shares with others (a server's connection pool): no claim is made, but
     * the ID is refused while a connection holds it through {@link #claimClientId}.
     *
     * @throws jakarta.jms.InvalidClientIDException when a connection holds it exclusively
     */
    void shareClientId(String clientId) throws JMSException;

    boolean queueExists(String name) throws JMSException;

    boolean exchangeExists(String name) throws JMSException;

    /** Called once, with the reason, when the broker or the network ends the connection. */
    void onLost(Consumer<String> listener);

    /** Closes the connection and every channel; never fails. */
    void close();
}
