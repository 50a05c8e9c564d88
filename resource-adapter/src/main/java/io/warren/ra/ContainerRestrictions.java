package io.warren.ra;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;

/**
 * The exceptions for API calls that Jakarta Messaging (§12.2, "Restrictions on the use of the JMS API in the Java EE
 * web or EJB container") forbids to applications in a server, each saying what to do instead. Stateless.
 */
public final class ContainerRestrictions {
    private ContainerRestrictions() {
    }

    /**
     * @param method the forbidden call, such as {@code Connection.setClientID}
     * @param instead what the application should do instead
     */
    public static IllegalStateException forbidden(String method, String instead) {
        return new IllegalStateException(method + " must not be used in a Jakarta EE web or EJB container"
                + " (Jakarta Messaging §12.2): " + instead, "EEFORBIDDEN");
    }

    /** {@link #forbidden} for the simplified API, which throws unchecked exceptions. */
    public static IllegalStateRuntimeException forbiddenRuntime(String method, String instead) {
        IllegalStateException e = forbidden(method, instead);
        return new IllegalStateRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }

    /** For listeners: message-driven beans are the way to consume asynchronously in a server. */
    public static IllegalStateException listenerForbidden(String method) {
        return forbidden(method, "consume asynchronously with a message-driven bean");
    }
}
