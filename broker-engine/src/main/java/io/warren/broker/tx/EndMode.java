package io.warren.broker.tx;

/** How a channel ends its association with a transaction branch (XA {@code end} flags). */
public enum EndMode {
    /** The work is complete; the branch may be prepared or committed (XA {@code TMSUCCESS}). */
    SUCCESS,
    /** The association is suspended and may be resumed (XA {@code TMSUSPEND}). */
    SUSPEND,
    /** The work failed: the branch can only roll back (XA {@code TMFAIL}). */
    FAIL
}
