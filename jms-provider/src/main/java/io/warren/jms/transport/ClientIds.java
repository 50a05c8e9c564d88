package io.warren.jms.transport;

/**
 * How a client ID is held on a broker: by an exclusive queue named after it, which the broker lets only one
 * connection declare and deletes when that connection ends. Plain AMQP, so it holds on any AMQP 0-9-1 broker
 * and across processes.
 */
public final class ClientIds {
    /** Prefix of the queues that hold client IDs. */
    public static final String CLAIM_QUEUE_PREFIX = "warren.client-id.";

    private ClientIds() {
    }

    /** Why a shared client ID is refused. */
    public static String heldExclusively(String clientId, String broker) {
        return "client ID '" + clientId + "' is held by a connection to " + broker + " that does not share it:"
                + " close that connection, or give it enableSharedClientID=true too";
    }

    /** The exclusive queue that holds {@code clientId}. */
    public static String claimQueue(String clientId) {
        return CLAIM_QUEUE_PREFIX + clientId;
    }
}
