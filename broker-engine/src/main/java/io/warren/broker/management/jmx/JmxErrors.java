package io.warren.broker.management.jmx;

import io.warren.broker.BrokerException;
import java.util.function.Supplier;

/**
 * Runs an engine call for an MBean operation and turns a {@link BrokerException} into a plain
 * {@link Exception} with the same message, the error code and the stack trace, but no cause: a remote JMX
 * client such as jconsole has none of Warren's classes and could not read one. The MBean server hands it to
 * the client wrapped in a {@link javax.management.MBeanException}. Other failures are bugs and pass unchanged.
 * For the same reason an attribute of an object that is gone fails with a JDK exception ({@link #gone}).
 */
final class JmxErrors {
    private JmxErrors() {
    }

    static <T> T call(Supplier<T> operation) throws Exception {
        try {
            return operation.get();
        } catch (BrokerException e) {
            throw forJmx(e);
        }
    }

    static void run(Runnable operation) throws Exception {
        try {
            operation.run();
        } catch (BrokerException e) {
            throw forJmx(e);
        }
    }

    /** What an attribute getter throws when its object went away before its MBean did. */
    static IllegalStateException gone(String what) {
        return new IllegalStateException(what + " no longer exists");
    }

    static Exception forJmx(BrokerException e) {
        Exception out = new Exception(e.getMessage() + " (" + e.code() + ")");
        out.setStackTrace(e.getStackTrace());
        return out;
    }
}
