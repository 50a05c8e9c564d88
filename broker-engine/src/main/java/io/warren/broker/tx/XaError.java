package io.warren.broker.tx;

/**
 * Why an XA operation on a transaction branch failed, with the error code the XA specification (and
 * {@code javax.transaction.xa.XAException}) gives it, so every client maps it one to one.
 */
public enum XaError {
    /** The branch was rolled back (marked rollback-only, or its work could not be kept). */
    ROLLED_BACK(100),
    /** The branch was rolled back because it outlived its timeout. */
    TIMED_OUT(106),
    /**
     * The branch could not be committed now (the page store could not write) and stays prepared: commit it
     * again later ({@code XA_RETRY}).
     */
    RETRY(4),
    /** The resource manager failed (the store could not write). */
    RESOURCE_MANAGER_ERROR(-3),
    /** No branch has this id. */
    UNKNOWN_BRANCH(-4),
    /** Invalid arguments (flags, id). */
    INVALID(-5),
    /** The operation is not allowed in the branch's state (prepare while still associated, …). */
    PROTOCOL(-6),
    /** A branch with this id exists already. */
    DUPLICATE_ID(-8);

    private final int xaCode;

    XaError(int xaCode) {
        this.xaCode = xaCode;
    }

    /** The {@code javax.transaction.xa.XAException} error code. */
    public int xaCode() {
        return xaCode;
    }

    /** The error with this XA code, or {@link #RESOURCE_MANAGER_ERROR} for a code this enum lacks. */
    public static XaError ofCode(int code) {
        for (XaError e : values()) {
            if (e.xaCode == code) {
                return e;
            }
        }
        return RESOURCE_MANAGER_ERROR;
    }
}
