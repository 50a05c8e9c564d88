package io.warren.ra.outbound.context;

import io.warren.jms.client.JmsExceptions;
import jakarta.jms.JMSException;

/**
 * Runs classic-API calls for the simplified API, turning each {@link JMSException} into the
 * {@code JMSRuntimeException} subclass the specification pairs with it. Stateless.
 */
final class Unchecked {
    private Unchecked() {
    }

    /** A call that returns a value and may throw a JMSException. */
    @FunctionalInterface
    interface JmsCall<T> {
        T call() throws JMSException;
    }

    /** A call that returns nothing and may throw a JMSException. */
    @FunctionalInterface
    interface JmsAction {
        void run() throws JMSException;
    }

    static <T> T call(JmsCall<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    static void run(JmsAction action) {
        try {
            action.run();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }
}
