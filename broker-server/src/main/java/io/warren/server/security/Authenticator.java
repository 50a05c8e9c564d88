package io.warren.server.security;

import io.warren.broker.security.LoginCheck;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import java.net.SocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a login against a {@link UserStore}, as RabbitMQ's internal backend with its loopback check does.
 * An unknown user, a wrong password and an empty password all give the client the same text, {@code
 * "ACCESS_REFUSED - Login was refused using authentication mechanism <M>. For details see the broker
 * logfile."}, and take about as long (an unknown name is checked against a decoy hash), so neither the text
 * nor the timing reveals which names exist. A correct login of a loopback-only user from another machine is
 * refused with RabbitMQ's {@code "user 'guest' can only connect via localhost"}. Each refusal is logged at
 * WARN with its real reason, the user name and the remote address, never the password.
 *
 * <p>Thread-safe; one instance serves all connections. A login costs one PBKDF2 run (about 100 ms) unless the
 * same password passed for the user before, so call it off the Netty event loop.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final int MAX_LOGGED_NAME = 128;

    private final UserStore users;

    /** An authenticator checking logins against {@code users}. */
    public Authenticator(UserStore users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    /**
     * Parses a SASL response with {@code mechanism} and checks the credentials in it, clearing the parsed
     * password afterwards. This is the one call the protocol layer makes for {@code connection.start-ok}.
     *
     * @throws AuthenticationException if the response is malformed or the login is refused
     */
    public User authenticate(SaslMechanism mechanism, byte[] response, SocketAddress remote)
            throws AuthenticationException {
        Credentials credentials;
        try {
            credentials = mechanism.parse(response);
        } catch (AuthenticationException e) {
            LOG.warn("login refused from {} using {}: {}", remote, mechanism.name(), e.getMessage());
            throw e;
        }
        try {
            return authenticate(mechanism.name(), credentials.username(), credentials.password(), remote);
        } finally {
            credentials.clear();
        }
    }

    /** {@link #authenticate(String, String, char[], SocketAddress)} for mechanism {@code PLAIN}. */
    public User authenticate(String username, char[] password, SocketAddress remote)
            throws AuthenticationException {
        return authenticate(PlainMechanism.NAME, username, password, remote);
    }

    /**
     * Checks a user name and password presented with SASL mechanism {@code mechanism} from {@code remote}.
     * The caller keeps ownership of {@code password} and should clear it afterwards.
     *
     * @return the user, as the store holds it at the time of the check
     * @throws AuthenticationException with reply code 403 if the login is refused
     */
    public User authenticate(String mechanism, String username, char[] password, SocketAddress remote)
            throws AuthenticationException {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        LoginCheck check = users.checkLogin(username, password);
        if (!check.accepted()) {
            throw refused(mechanism, username, remote, check.refusal().reason());
        }
        User user = check.user();
        if (user.loopbackOnly() && !LoopbackAddresses.isLoopback(remote)) {
            LOG.warn("login refused for user '{}' from {} using {}: user may connect only via localhost",
                    printable(username), remote, mechanism);
            throw AuthenticationException.accessRefused(
                    "user '" + username + "' can only connect via localhost");
        }
        return user;
    }

    private static AuthenticationException refused(String mechanism, String username, SocketAddress remote,
            String reason) {
        LOG.warn("login refused for user '{}' from {} using {}: {}", printable(username), remote,
                printable(mechanism), reason);
        return AuthenticationException.accessRefused("Login was refused using authentication mechanism "
                + mechanism + ". For details see the broker logfile.");
    }

    /** Keeps client-chosen text from forging log lines or flooding the log. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LOGGED_NAME));
        for (int i = 0; i < text.length() && i < MAX_LOGGED_NAME; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX_LOGGED_NAME) {
            out.append("...");
        }
        return out.toString();
    }
}
