package io.warren.broker.management;

/**
 * Told when the broker's set of virtual hosts, exchanges, queues or connections changes, so a management
 * front end (JMX) can follow it without polling. Called on the thread that made the change, after it took
 * effect, possibly while a broker lock is held: implementations must be quick, must not call back into the
 * broker and must not throw (exceptions are logged and ignored). Objects that exist when the listener is added
 * are not announced: read them after adding the listener, and treat a repeated announcement as harmless.
 */
public interface BrokerEventListener {

    default void virtualHostAdded(String virtualHost) {
    }

    /** A virtual host was deleted; the removal of its queues, exchanges and connections was announced before. */
    default void virtualHostRemoved(String virtualHost) {
    }

    default void exchangeAdded(String virtualHost, String exchange) {
    }

    default void exchangeRemoved(String virtualHost, String exchange) {
    }

    default void queueAdded(String virtualHost, String queue) {
    }

    default void queueRemoved(String virtualHost, String queue) {
    }

    /** A client connected; {@code connectionId} is what {@code Broker.connection(id)} finds. */
    default void connectionOpened(String virtualHost, String connectionId) {
    }

    default void connectionClosed(String virtualHost, String connectionId) {
    }
}
