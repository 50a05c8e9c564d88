package io.warren.jms.client;

import javax.transaction.xa.XAException;

/** Builds {@link XAException}s with an error code and a message, which its constructors cannot do together. */
final class XaErrors {
    private XaErrors() {
    }

    static XAException error(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }

    static XAException error(int code, String message, Throwable cause) {
        XAException e = error(code, message);
        e.initCause(cause);
        return e;
    }
}
