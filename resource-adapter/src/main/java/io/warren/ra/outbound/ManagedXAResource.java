package io.warren.ra.outbound;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XA resource the container enlists for a managed connection: the XA session's own resource, which also tells
 * the managed connection when it is inside a transaction branch (between {@code start} and {@code end}), so the
 * application's sessions use the XA session there. Thread-safety as the provider's resource; the container calls
 * it for one transaction at a time.
 */
final class ManagedXAResource implements XAResource {
    private final WarrenManagedConnection mc;
    private final XAResource delegate;

    ManagedXAResource(WarrenManagedConnection mc, XAResource delegate) {
        this.mc = mc;
        this.delegate = delegate;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        delegate.start(xid, flags);
        mc.enterMode(TransactionMode.XA);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        try {
            delegate.end(xid, flags);
        } finally {
            mc.leaveMode(TransactionMode.XA);
        }
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return delegate.prepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        delegate.commit(xid, onePhase);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        delegate.rollback(xid);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        delegate.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return delegate.recover(flag);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return delegate.isSameRM(other instanceof ManagedXAResource m ? m.delegate : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return delegate.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return delegate.setTransactionTimeout(seconds);
    }

    @Override
    public String toString() {
        return "ManagedXAResource[" + delegate + "]";
    }
}
