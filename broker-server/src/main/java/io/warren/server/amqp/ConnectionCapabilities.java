package io.warren.server.amqp;

import java.util.Map;

/**
 * What a client announced in the {@code capabilities} table of its {@code connection.start-ok} properties:
 * the server only sends extension methods a client said it understands.
 */
record ConnectionCapabilities(boolean consumerCancelNotify, boolean connectionBlocked,
                              boolean authenticationFailureClose, boolean releaseOnReject) {
    /**
     * A client (Warren's JMS client) that announces this has {@code basic.reject} with {@code requeue} return a
     * message it never showed its application: back to the queue not counted as delivered (not redelivered, no
     * delivery count), while {@code basic.nack} keeps counting. Other clients get AMQP's usual meaning.
     */
    static final String RELEASE_ON_REJECT = "release_on_reject";
    static final ConnectionCapabilities NONE = new ConnectionCapabilities(false, false, false, false);

    static ConnectionCapabilities from(Map<String, Object> clientProperties) {
        if (clientProperties == null || !(clientProperties.get("capabilities") instanceof Map<?, ?> caps)) {
            return NONE;
        }
        return new ConnectionCapabilities(on(caps, "consumer_cancel_notify"), on(caps, "connection.blocked"),
                on(caps, "authentication_failure_close"), on(caps, RELEASE_ON_REJECT));
    }

    private static boolean on(Map<?, ?> caps, String name) {
        return Boolean.TRUE.equals(caps.get(name));
    }
}
