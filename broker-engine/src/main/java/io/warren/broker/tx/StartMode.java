package io.warren.broker.tx;

/** How a channel associates with a transaction branch (XA {@code start} flags). */
public enum StartMode {
    /** A new branch; fails if the id exists. */
    NEW,
    /** Join an existing branch that another association started (XA {@code TMJOIN}). */
    JOIN,
    /** Resume a branch this or another channel suspended (XA {@code TMRESUME}). */
    RESUME
}
