package io.warren.spring.boot.autoconfigure;

/**
 * A queue, exchange or binding of {@code spring.warren.*} could not be declared at start-up; the message names the
 * property and gives the broker's reason. The application does not start.
 */
public class WarrenTopologyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String property;

    public WarrenTopologyException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** The property whose declaration failed, such as {@code spring.warren.bindings[0]}. */
    public String property() {
        return property;
    }
}
