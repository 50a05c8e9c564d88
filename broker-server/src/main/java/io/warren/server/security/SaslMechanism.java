package io.warren.server.security;

/**
 * A SASL mechanism the server offers in {@code connection.start}: it turns the client's
 * {@code connection.start-ok} response into {@link Credentials}. Checking them is the
 * {@link Authenticator}'s job, not the mechanism's. The mechanisms here need a single round (no
 * {@code connection.secure}).
 *
 * <p>Implementations are stateless and thread-safe, shared by all connections.
 */
public interface SaslMechanism {

    /** The name announced to clients and chosen by them, e.g. {@code "PLAIN"}. */
    String name();

    /**
     * Reads the user name and password from the client's response.
     *
     * @throws AuthenticationException if the response is malformed; the message says what is wrong with it
     *     but never contains the password
     */
    Credentials parse(byte[] response) throws AuthenticationException;
}
