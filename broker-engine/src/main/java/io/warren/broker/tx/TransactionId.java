package io.warren.broker.tx;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of one XA transaction branch, as a transaction manager names it: a format id, a global
 * transaction id and a branch qualifier (each at most 64 bytes, as the XA specification allows). Two ids are
 * equal when all three are; the arrays are copied, so an id never changes.
 */
public final class TransactionId {
    /** Longest global transaction id and branch qualifier the XA specification allows. */
    public static final int MAX_PART_LENGTH = 64;

    private final int formatId;
    private final byte[] globalId;
    private final byte[] branchQualifier;
    private final int hash;

    public TransactionId(int formatId, byte[] globalId, byte[] branchQualifier) {
        if (globalId == null || branchQualifier == null) {
            throw new IllegalArgumentException("a transaction id needs a global id and a branch qualifier");
        }
        if (globalId.length > MAX_PART_LENGTH || branchQualifier.length > MAX_PART_LENGTH) {
            throw new IllegalArgumentException("a transaction id's global id and branch qualifier hold at most "
                    + MAX_PART_LENGTH + " bytes, got " + globalId.length + " and " + branchQualifier.length);
        }
        this.formatId = formatId;
        this.globalId = globalId.clone();
        this.branchQualifier = branchQualifier.clone();
        this.hash = 31 * (31 * formatId + Arrays.hashCode(globalId)) + Arrays.hashCode(branchQualifier);
    }

    public int formatId() {
        return formatId;
    }

    public byte[] globalId() {
        return globalId.clone();
    }

    public byte[] branchQualifier() {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId t && t.formatId == formatId && Arrays.equals(t.globalId, globalId)
                && Arrays.equals(t.branchQualifier, branchQualifier);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** {@code formatId:globalIdHex:branchQualifierHex}, as logs and error messages show it. */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return formatId + ":" + hex.formatHex(globalId) + ":" + hex.formatHex(branchQualifier);
    }
}
