package io.warren.broker.tx;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;

/** An XA operation on a transaction branch failed; {@link #xaError()} says why, in XA's terms. */
public final class BranchException extends BrokerException {
    private static final long serialVersionUID = 1L;

    private final XaError xaError;

    public BranchException(XaError xaError, String message) {
        super(xaError == XaError.RESOURCE_MANAGER_ERROR ? ErrorCode.STORE_ERROR : ErrorCode.ILLEGAL_STATE, message);
        this.xaError = xaError;
    }

    public BranchException(XaError xaError, String message, Throwable cause) {
        super(xaError == XaError.RESOURCE_MANAGER_ERROR ? ErrorCode.STORE_ERROR : ErrorCode.ILLEGAL_STATE, message,
                cause);
        this.xaError = xaError;
    }

    public XaError xaError() {
        return xaError;
    }
}
