package io.warren.jms.transport.vm;

/**
 * A {@code vm://NAME} URL asks for other broker options ({@code dataDir}, {@code persistent}, {@code sync}, the users,
 * {@code jmx}) than the broker called NAME runs with. Thrown by {@link VmBrokers#acquire}; a connection attempt
 * reports it as a {@code JMSException} with error code {@value #ERROR_CODE}. The message names each option with
 * both values and says how to get a connection.
 */
public final class BrokerSettingsMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    /** The JMS error code of the connection failure, AMQP's name for "declared with other arguments". */
    public static final String ERROR_CODE = "PRECONDITION_FAILED";

    BrokerSettingsMismatchException(String message) {
        super(message);
    }
}
