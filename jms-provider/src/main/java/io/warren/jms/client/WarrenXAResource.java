package io.warren.jms.client;

import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The {@link XAResource} of one {@link WarrenXASession}: {@code start}/{@code end} associate the session's work
 * with a branch; prepare, commit, rollback, recover and forget go through the session's connection, so a
 * transaction manager can complete a branch after the session closed (the connection must stay open).
 * Resources of connections to the same broker and virtual host are the same resource manager
 * ({@link #isSameRM}).
 */
final class WarrenXAResource implements XAResource {
    private final WarrenXASession session;
    private volatile int timeoutSeconds;

    WarrenXAResource(WarrenXASession session) {
        this.session = session;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        session.startBranch(checked(xid), flags, timeoutSeconds);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        session.endBranch(checked(xid), flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return session.completionChannel().xaPrepare(checked(xid));
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        session.completionChannel().xaCommit(checked(xid), onePhase);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        session.completionChannel().xaRollback(checked(xid));
    }

    @Override
    public void forget(Xid xid) throws XAException {
        session.completionChannel().xaForget(checked(xid));
    }

    /**
     * The branches in doubt, all of them at the start of a scan ({@code TMSTARTRSCAN}); later calls of the same
     * scan return none, so a transaction manager that reads until an empty answer stops.
     */
    @Override
    public Xid[] recover(int flag) throws XAException {
        int allowed = TMSTARTRSCAN | TMENDRSCAN;
        if ((flag & ~allowed) != 0) {
            throw XaErrors.error(XAException.XAER_INVAL, "recover takes TMSTARTRSCAN, TMENDRSCAN, both or"
                    + " TMNOFLAGS, not flags 0x" + Integer.toHexString(flag));
        }
        if ((flag & TMSTARTRSCAN) == 0) {
            return new Xid[0];
        }
        List<Xid> inDoubt = session.completionChannel().xaRecover();
        return inDoubt.toArray(new Xid[0]);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return other instanceof WarrenXAResource r && r.session.resourceManagerId().equals(session.resourceManagerId());
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    /** Applies to branches this resource starts from now on; 0 restores the broker's default (300 s). */
    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        if (seconds < 0) {
            throw XaErrors.error(XAException.XAER_INVAL, "transaction timeout must be 0 or positive, got " + seconds);
        }
        timeoutSeconds = seconds;
        return true;
    }

    private static Xid checked(Xid xid) throws XAException {
        if (xid == null) {
            throw XaErrors.error(XAException.XAER_INVAL, "the Xid is null");
        }
        return xid;
    }

    @Override
    public String toString() {
        return "WarrenXAResource[" + session + "]";
    }
}
