package io.warren.broker;

/**
 * A broker operation failed. The {@link #code()} tells why; the message names the entity and says what was
 * wrong. When an operation throws, the broker's state is as it was before the call.
 */
public class BrokerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public BrokerException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public BrokerException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static BrokerException notFound(String what) {
        return new BrokerException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static BrokerException invalidArgument(String message) {
        return new BrokerException(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static BrokerException preconditionFailed(String message) {
        return new BrokerException(ErrorCode.PRECONDITION_FAILED, message);
    }

    public static BrokerException illegalState(String message) {
        return new BrokerException(ErrorCode.ILLEGAL_STATE, message);
    }
}
