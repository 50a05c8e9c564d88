package io.warren.broker;

/** What became of a publish. */
public enum PublishResult {
    /** At least one queue took the message, none refused it. */
    ROUTED,
    /** No binding matched: the message was dropped (AMQP would return a mandatory message). */
    UNROUTED,
    /** A queue at its length limit with overflow {@code reject-publish} refused the message. */
    REJECTED
}
