package io.warren.message;

/** Binary data (a message or a store record) could not be decoded: it is truncated or damaged. */
public class CorruptDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptDataException(String message) {
        super(message);
    }
}
