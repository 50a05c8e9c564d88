package io.warren.ra.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A tiny transaction manager for tests: one global transaction with the XA resources enlisted in it, each in a
 * branch of its own, driven as a container's would drive them ({@code start} on enlistment, {@code end} then
 * one-phase commit for a single resource, prepare and commit for several, {@code end(TMFAIL)} and rollback
 * otherwise).
 */
public final class TestTransaction {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final List<XAResource> enlisted = new ArrayList<>();
    private final List<Xid> branches = new ArrayList<>();
    private boolean rollbackOnly;

    public void enlist(XAResource resource) throws XAException {
        Xid branch = new TestXid(id, (byte) (branches.size() + 1));
        resource.start(branch, XAResource.TMNOFLAGS);
        enlisted.add(resource);
        branches.add(branch);
    }

    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    public boolean isRollbackOnly() {
        return rollbackOnly;
    }

    public List<XAResource> enlisted() {
        return List.copyOf(enlisted);
    }

    /** Commits, or rolls back if marked rollback-only; returns true when it committed. */
    public boolean complete() throws XAException {
        if (rollbackOnly) {
            rollback();
            return false;
        }
        commit();
        return true;
    }

    public void commit() throws XAException {
        for (int i = 0; i < enlisted.size(); i++) {
            enlisted.get(i).end(branches.get(i), XAResource.TMSUCCESS);
        }
        if (enlisted.size() == 1) {
            enlisted.get(0).commit(branches.get(0), true);
            return;
        }
        List<Integer> voters = new ArrayList<>();
        for (int i = 0; i < enlisted.size(); i++) {
            if (enlisted.get(i).prepare(branches.get(i)) == XAResource.XA_OK) {
                voters.add(i);
            }
        }
        for (int i : voters) {
            enlisted.get(i).commit(branches.get(i), false);
        }
    }

    /** Ends and prepares every branch, then stops, as a transaction manager that crashed would; returns them. */
    public List<Xid> prepareOnly() throws XAException {
        for (int i = 0; i < enlisted.size(); i++) {
            enlisted.get(i).end(branches.get(i), XAResource.TMSUCCESS);
            enlisted.get(i).prepare(branches.get(i));
        }
        return List.copyOf(branches);
    }

    public void rollback() throws XAException {
        for (int i = 0; i < enlisted.size(); i++) {
            enlisted.get(i).end(branches.get(i), XAResource.TMFAIL);
        }
        for (int i = 0; i < enlisted.size(); i++) {
            enlisted.get(i).rollback(branches.get(i));
        }
    }

    /** A branch of the global transaction numbered {@code id}. */
    private record TestXid(long id, byte branch) implements Xid {
        @Override
        public int getFormatId() {
            return 0x5741;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {branch};
        }

        @Override
        public String toString() {
            return "TestXid" + id + "." + branch;
        }
    }
}
