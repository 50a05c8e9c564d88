package io.warren.jta;

import java.io.Serializable;
import java.util.HexFormat;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A participant that does no work of its own and fails on cue, enlisted beside Warren and H2 to stop a
 * transaction where a test wants it: it votes rollback in prepare, or halts the JVM in prepare or in commit, as a
 * power cut would (no shutdown hooks, no finally blocks; what the other resources wrote with {@code write} or
 * {@code fsync} stays). Before halting it prints {@code HALT <fault> <global transaction id in hex>} on standard
 * output. Serializable, so Narayana writes it into its transaction log and recovery reads it back; the fault is
 * transient, so the copy recovery completes is well-behaved.
 */
final class FaultyXAResource implements XAResource, Serializable {
    private static final long serialVersionUID = 1L;

    /** The exit status of a halted JVM. */
    static final int HALT_STATUS = 86;

    /** Where the resource fails. */
    enum Fault {
        VOTE_ROLLBACK_IN_PREPARE,
        HALT_IN_PREPARE,
        HALT_IN_COMMIT
    }

    private transient Fault fault;

    FaultyXAResource(Fault fault) {
        this.fault = fault;
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        if (fault == Fault.VOTE_ROLLBACK_IN_PREPARE) {
            XAException e = new XAException("voting rollback, as the test asked");
            e.errorCode = XAException.XA_RBROLLBACK;
            throw e;
        }
        haltIf(Fault.HALT_IN_PREPARE, xid);
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        haltIf(Fault.HALT_IN_COMMIT, xid);
    }

    private void haltIf(Fault at, Xid xid) {
        if (fault == at) {
            System.out.println("HALT " + at + " " + HexFormat.of().formatHex(xid.getGlobalTransactionId()));
            System.out.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }

    @Override
    public String toString() {
        return "FaultyXAResource[" + fault + "]";
    }
}
