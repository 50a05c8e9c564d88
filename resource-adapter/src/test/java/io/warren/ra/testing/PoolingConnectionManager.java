package io.warren.ra.testing;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * A server's connection manager in miniature: a pool that matches free managed connections with
 * {@code matchManagedConnections}, enlists them in the calling thread's {@link TestTransaction} (if one is
 * {@link #begin() begun}), takes them back on {@code CONNECTION_CLOSED} after {@code cleanup()} (after the
 * transaction completes when enlisted) and destroys them on {@code CONNECTION_ERROR_OCCURRED}.
 */
public final class PoolingConnectionManager implements ConnectionManager, ConnectionEventListener {
    private final Set<ManagedConnection> free = new HashSet<>();
    private final List<ManagedConnection> created = new ArrayList<>();
    private final List<ConnectionEvent> events = new ArrayList<>();
    private final Set<ManagedConnection> destroyed = new HashSet<>();
    private final Set<ManagedConnection> inTransaction = new HashSet<>();
    private final Set<ManagedConnection> closedInTransaction = new HashSet<>();
    private TestTransaction transaction;

    public synchronized TestTransaction begin() {
        transaction = new TestTransaction();
        return transaction;
    }

    /** Completes the current transaction (commit unless rollback-only) and releases what it held. */
    public boolean complete() throws XAException, ResourceException {
        TestTransaction t;
        synchronized (this) {
            t = transaction;
            transaction = null;
        }
        boolean committed = t.complete();
        release();
        return committed;
    }

    public void rollback() throws XAException, ResourceException {
        TestTransaction t;
        synchronized (this) {
            t = transaction;
            transaction = null;
        }
        t.rollback();
        release();
    }

    private void release() throws ResourceException {
        List<ManagedConnection> back;
        synchronized (this) {
            back = new ArrayList<>(closedInTransaction);
            closedInTransaction.clear();
            inTransaction.clear();
        }
        for (ManagedConnection mc : back) {
            giveBack(mc);
        }
    }

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection mc;
        synchronized (this) {
            mc = factory.matchManagedConnections(new HashSet<>(free), null, info);
            if (mc != null) {
                free.remove(mc);
            }
        }
        if (mc == null) {
            mc = factory.createManagedConnection(null, info);
            mc.addConnectionEventListener(this);
            synchronized (this) {
                created.add(mc);
            }
        }
        TestTransaction t;
        synchronized (this) {
            t = transaction;
        }
        if (t != null) {
            try {
                t.enlist(mc.getXAResource());
            } catch (XAException e) {
                throw new ResourceException("enlistment failed: " + e, e);
            }
            synchronized (this) {
                inTransaction.add(mc);
            }
        }
        return mc.getConnection(null, info);
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        ManagedConnection mc = (ManagedConnection) event.getSource();
        synchronized (this) {
            events.add(event);
            if (inTransaction.contains(mc)) {
                closedInTransaction.add(mc);
                return;
            }
        }
        try {
            giveBack(mc);
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    private void giveBack(ManagedConnection mc) throws ResourceException {
        mc.cleanup();
        synchronized (this) {
            free.add(mc);
        }
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        ManagedConnection mc = (ManagedConnection) event.getSource();
        synchronized (this) {
            events.add(event);
            free.remove(mc);
            destroyed.add(mc);
        }
        try {
            mc.destroy();
        } catch (ResourceException ignored) {
            // Already broken.
        }
    }

    public synchronized List<ManagedConnection> created() {
        return List.copyOf(created);
    }

    public synchronized Set<ManagedConnection> free() {
        return Set.copyOf(free);
    }

    public synchronized Set<ManagedConnection> destroyed() {
        return Set.copyOf(destroyed);
    }

    public synchronized List<Integer> eventIds() {
        return events.stream().map(ConnectionEvent::getId).toList();
    }

    public void destroyAll() {
        for (ManagedConnection mc : created()) {
            try {
                mc.destroy();
            } catch (ResourceException ignored) {
                // Best effort at test end.
            }
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
