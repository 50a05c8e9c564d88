package io.warren.ra.outbound;

import io.warren.ra.ConnectionSettings;
import io.warren.ra.PhysicalConnections;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * One pooled physical Warren connection and its sessions: an XA session for JTA transactions and for
 * AUTO_ACKNOWLEDGE work outside them, a DUPS_OK_ACKNOWLEDGE session and a transacted session for local
 * transactions, each created on first use and kept while the connection stays in the pool. Applications see it
 * only through {@link WarrenConnectionHandle}s.
 *
 * <p>Events: closing a handle raises {@code CONNECTION_CLOSED} (the pool takes the connection back), a failure of
 * the physical connection raises {@code CONNECTION_ERROR_OCCURRED} (the pool destroys it).
 * {@link #cleanup()} invalidates the handles, closes what the application left open, rolls back an unfinished local
 * transaction and stops the connection, so the next user finds it as new.
 *
 * <p>Threads: the container uses a managed connection from one thread at a time; events may come from the
 * provider's threads. Handles are kept in a concurrent set.
 */
public final class WarrenManagedConnection implements ManagedConnection {
    private static final System.Logger LOG = System.getLogger(WarrenManagedConnection.class.getName());

    private final WarrenManagedConnectionFactory factory;
    private final ConnectionSettings settings;
    private final Connection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<WarrenConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final Object sessionLock = new Object();
    private Session dupsOkSession;
    private Session transactedSession;
    private XASession xaSession;
    private ManagedXAResource xaResource;
    private volatile TransactionMode mode = TransactionMode.NONE;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    WarrenManagedConnection(WarrenManagedConnectionFactory factory, ConnectionSettings settings, String clientId)
            throws ResourceException {
        this.factory = factory;
        this.settings = settings;
        try {
            this.physical = PhysicalConnections.open(settings, clientId);
            physical.setExceptionListener(this::physicalConnectionFailed);
        } catch (JMSException e) {
            throw resourceException("could not open a Warren connection to " + settings, e);
        }
    }

    /** The settings this connection was opened with: the pool reuses it only for the same ones. */
    ConnectionSettings settings() {
        return settings;
    }

    WarrenManagedConnectionFactory factory() {
        return factory;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        checkNotDestroyed();
        WarrenConnectionHandle handle = new WarrenConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        checkNotDestroyed();
        if (!(connection instanceof WarrenConnectionHandle handle)) {
            throw new ResourceException("not a Warren connection handle: " + connection);
        }
        handle.reassociate(this);
    }

    /** Moves a handle's bookkeeping here from the managed connection it used before. */
    void adopt(WarrenConnectionHandle handle, WarrenManagedConnection previous) {
        if (previous != null) {
            previous.handles.remove(handle);
        }
        handles.add(handle);
    }

    @Override
    public void cleanup() throws ResourceException {
        for (WarrenConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        if (mode == TransactionMode.LOCAL) {
            try {
                transactedSession().rollback();
            } catch (JMSException e) {
                LOG.log(Level.WARNING, "rolling back an unfinished local transaction failed: " + e);
            }
        }
        mode = TransactionMode.NONE;
        if (!destroyed) {
            try {
                // The next user's connection starts stopped, as a new one would.
                physical.stop();
            } catch (JMSException e) {
                throw resourceException("could not reset the Warren connection", e);
            }
        }
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        for (WarrenConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        destroyed = true;
        try {
            physical.close();
        } catch (JMSException e) {
            throw resourceException("closing the Warren connection failed", e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        checkNotDestroyed();
        synchronized (sessionLock) {
            if (xaResource == null) {
                try {
                    xaResource = new ManagedXAResource(this, xaSession().getXAResource());
                } catch (JMSException e) {
                    throw resourceException("could not create the XA session", e);
                }
            }
            return xaResource;
        }
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        checkNotDestroyed();
        return new ManagedLocalTransaction(this);
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new WarrenManagedConnectionMetaData(settings.user());
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // Used by handles and transactions of this package.

    TransactionMode mode() {
        return mode;
    }

    void enterMode(TransactionMode entered) {
        mode = entered;
    }

    void leaveMode(TransactionMode left) {
        if (mode == left) {
            mode = TransactionMode.NONE;
        }
    }

    Connection physical() {
        return physical;
    }

    Session dupsOkSession() throws JMSException {
        synchronized (sessionLock) {
            if (dupsOkSession == null) {
                dupsOkSession = physical.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            }
            return dupsOkSession;
        }
    }

    Session transactedSession() throws JMSException {
        synchronized (sessionLock) {
            if (transactedSession == null) {
                transactedSession = physical.createSession(true, Session.SESSION_TRANSACTED);
            }
            return transactedSession;
        }
    }

    XASession xaSession() throws JMSException {
        synchronized (sessionLock) {
            if (xaSession == null) {
                if (!(physical instanceof XAConnection xa)) {
                    throw new JMSException("the Warren connection " + physical.getClass().getName()
                            + " does not support XA");
                }
                xaSession = xa.createXASession();
            }
            return xaSession;
        }
    }

    /** A handle was closed by the application: the container may return this connection to the pool. */
    void handleClosed(WarrenConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(event);
        }
    }

    /** The physical connection failed: the container must destroy this managed connection. */
    void physicalConnectionFailed(Exception failure) {
        if (destroyed) {
            return;
        }
        LOG.log(Level.WARNING, "Warren connection to " + settings + " failed: " + failure.getMessage());
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, failure);
        for (ConnectionEventListener l : listeners) {
            l.connectionErrorOccurred(event);
        }
    }

    private void checkNotDestroyed() throws ResourceException {
        if (destroyed) {
            throw new jakarta.resource.spi.IllegalStateException("this Warren managed connection has been destroyed");
        }
    }

    static ResourceException resourceException(String what, Exception cause) {
        ResourceException e = new ResourceAdapterInternalException(what + ": " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    @Override
    public String toString() {
        return "WarrenManagedConnection[" + settings + ", " + mode + ", handles=" + handles.size() + "]";
    }
}
