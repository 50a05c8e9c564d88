package io.warren.jms.transport;

import java.util.Arrays;
import java.util.HexFormat;
import javax.transaction.xa.Xid;

/**
 * An {@link Xid} as a value: what a transport hands back from recovery, equal to any other Xid with the same
 * format id, global transaction id and branch qualifier, so a transaction manager can match it with its log.
 */
public final class BranchXid implements Xid {
    private final int formatId;
    private final byte[] globalId;
    private final byte[] branchQualifier;

    public BranchXid(int formatId, byte[] globalId, byte[] branchQualifier) {
        this.formatId = formatId;
        this.globalId = globalId.clone();
        this.branchQualifier = branchQualifier.clone();
    }

    /** A copy of any Xid (transaction managers may reuse theirs). */
    public static BranchXid of(Xid xid) {
        return xid instanceof BranchXid b ? b
                : new BranchXid(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xid x && x.getFormatId() == formatId
                && Arrays.equals(x.getGlobalTransactionId(), globalId)
                && Arrays.equals(x.getBranchQualifier(), branchQualifier);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(globalId)) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return formatId + ":" + hex.formatHex(globalId) + ":" + hex.formatHex(branchQualifier);
    }
}
