package io.warren.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.io.Serializable;
import java.lang.System.Logger.Level;

/**
 * The connection manager outside an application server (a two-tier application using the adapter directly):
 * no pool and no transactions. Each allocation opens a managed connection, which is destroyed when the
 * application closes its handle or the connection fails. Stateless and thread-safe.
 */
public final class NonManagedConnectionManager implements ConnectionManager, Serializable {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(NonManagedConnectionManager.class.getName());

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection mc = factory.createManagedConnection(null, info);
        mc.addConnectionEventListener(new DestroyOnRelease(mc));
        return mc.getConnection(null, info);
    }

    /** Destroys the managed connection once its handle is closed or it fails. */
    private record DestroyOnRelease(ManagedConnection mc) implements ConnectionEventListener {
        @Override
        public void connectionClosed(ConnectionEvent event) {
            destroy();
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            destroy();
        }

        private void destroy() {
            try {
                mc.cleanup();
                mc.destroy();
            } catch (ResourceException e) {
                LOG.log(Level.WARNING, "closing an unpooled Warren connection failed: " + e.getMessage());
            }
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
        }
    }
}
