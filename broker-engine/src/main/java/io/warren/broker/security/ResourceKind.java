package io.warren.broker.security;

/** The kinds of named resource that permissions guard. */
public enum ResourceKind {
    /** An exchange; the default exchange {@code ""} is checked and reported as {@code amq.default}. */
    EXCHANGE,
    /** A queue. */
    QUEUE;

    /** The lower-case word used in refusal messages ("access to queue 'q1' ..."). */
    public String word() {
        return this == EXCHANGE ? "exchange" : "queue";
    }
}
