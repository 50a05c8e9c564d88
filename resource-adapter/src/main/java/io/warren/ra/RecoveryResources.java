package io.warren.ra;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.transaction.xa.XAResource;

/**
 * The XA resources the server's transaction manager uses to recover transactions of message-driven beans after a
 * crash ({@code ResourceAdapter.getXAResources}): one per broker the endpoints use, on a connection kept open
 * until the adapter stops, since the broker runs {@code recover}, {@code commit} and {@code rollback} through it.
 * A broker that cannot be reached is logged and left out. Thread-safe.
 */
final class RecoveryResources {
    private static final System.Logger LOG = System.getLogger(RecoveryResources.class.getName());
    private final Map<ConnectionSettings, XAConnection> connections = new LinkedHashMap<>();
    private final Map<ConnectionSettings, XAResource> resources = new LinkedHashMap<>();

    /** One resource for each distinct broker in {@code brokers}. */
    synchronized XAResource[] forBrokers(List<ConnectionSettings> brokers) {
        List<XAResource> out = new ArrayList<>();
        for (ConnectionSettings settings : brokers) {
            XAResource resource = resources.get(settings);
            if (resource == null) {
                resource = open(settings);
            }
            if (resource != null && !out.contains(resource)) {
                out.add(resource);
            }
        }
        return out.toArray(new XAResource[0]);
    }

    private XAResource open(ConnectionSettings settings) {
        try {
            XAConnection connection = PhysicalConnections.open(settings, null);
            XAResource resource = connection.createXASession().getXAResource();
            connections.put(settings, connection);
            resources.put(settings, resource);
            return resource;
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "no XA recovery for " + settings + ": cannot connect (" + e.getMessage()
                    + "); transactions in doubt there are recovered once the broker is back and the server asks again");
            return null;
        }
    }

    synchronized void close() {
        for (XAConnection c : connections.values()) {
            try {
                c.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.DEBUG, "closing a recovery connection failed: " + e);
            }
        }
        connections.clear();
        resources.clear();
    }
}
