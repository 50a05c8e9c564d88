package io.warren.jms.transport;

/** What became of a published message once the broker took it. */
public enum PublishOutcome {
    /** The broker took the message (routed to its queues, or dropped for want of a route, as JMS allows). */
    ACCEPTED,
    /** A queue at its length limit ({@code x-overflow reject-publish}) refused it. */
    REJECTED
}
