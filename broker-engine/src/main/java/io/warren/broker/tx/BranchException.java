package io.warren.broker.tx;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;

/** An XA operation on a transaction branch failed; {@link #xaError()} says why, in XA's terms. */
public final class BranchException extends BrokerException {
    private static final long serialVersionUID = 1L;

    private final XaError xaError;

    public BranchException(XaError xaError, String message) {
        super(code(xaError), message);
        this.xaError = xaError;
    }

    public BranchException(XaError xaError, String message, Throwable cause) {
        super(code(xaError), message, cause);
        this.xaError = xaError;
    }

    private static ErrorCode code(XaError xaError) {
        return xaError == XaError.RESOURCE_MANAGER_ERROR || xaError == XaError.RETRY ? ErrorCode.STORE_ERROR
                : ErrorCode.ILLEGAL_STATE;
    }

    public XaError xaError() {
        return xaError;
    }
}
