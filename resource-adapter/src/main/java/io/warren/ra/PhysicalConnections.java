package io.warren.ra;

import io.warren.jms.WarrenXAConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;

/**
 * Opens the provider connections the adapter works on, outbound (one per managed connection) and inbound (one
 * per endpoint activation). They are XA connections: besides XA sessions for transactions they make ordinary
 * sessions. The one place that creates Warren connection factories, so every path applies the same settings.
 * A client ID is shared: the pool's connections and the activations that name it hold it together, each
 * durable subscription still having its one consumer; a connection outside the server holding it exclusively
 * makes them fail with {@code InvalidClientIDException}.
 * Thread-safe: it keeps no state.
 */
public final class PhysicalConnections {
    private PhysicalConnections() {
    }

    /**
     * Opens an XA connection, stopped, as the JMS API creates it.
     *
     * @param settings URL and credentials
     * @param clientId client ID to give the connection, or null for none
     * @throws JMSException when the URL is malformed or the broker refuses the connection
     */
    public static XAConnection open(ConnectionSettings settings, String clientId) throws JMSException {
        WarrenXAConnectionFactory factory;
        try {
            factory = new WarrenXAConnectionFactory(settings.url());
        } catch (IllegalArgumentException e) {
            JMSException wrapped = new JMSException("bad connection URL for the Warren resource adapter: "
                    + e.getMessage());
            wrapped.initCause(e);
            throw wrapped;
        }
        if (ConnectionSettings.isSet(settings.user())) {
            factory.setUser(settings.user());
        }
        if (ConnectionSettings.isSet(settings.password())) {
            factory.setPassword(settings.password());
        }
        if (ConnectionSettings.isSet(clientId)) {
            factory.setClientID(clientId);
            // A pool holds many connections with its client ID, and a bean's activation one more (as in Artemis).
            factory.setEnableSharedClientID(true);
        }
        return factory.createXAConnection();
    }
}
