package io.warren.jms.transport.vm;

import io.warren.broker.Broker;
import io.warren.broker.security.LoginCheck;
import io.warren.broker.security.UserStore;
import jakarta.jms.JMSSecurityException;
import java.util.Arrays;

/**
 * Checks the credentials of a {@code vm://} connection against the broker's user store
 * ({@link io.warren.broker.BrokerConfig#users()}), the same store and the same rule
 * ({@link UserStore#checkLogin}) as the AMQP server's logins: a broker without a store lets everyone in, one
 * with a store wants a user name and its password. Only the login is checked: the users' per-vhost
 * permissions, which the AMQP server enforces per operation, are not enforced on {@code vm://} connections (the
 * application runs in the broker's JVM and could reach the broker's objects anyway). A loopback-only user
 * (RabbitMQ's {@code guest}) may log in, as an in-JVM connection is as local as one can be.
 *
 * <p>A refusal says which user was refused but, as the server does, not whether the name or the password was
 * wrong; the real reason is logged at WARN. Runs on the connecting thread; costs one PBKDF2 run (about 100 ms)
 * for the first login of a user and for every refused one, a salted SHA-256 for a password that passed before.
 */
final class VmLogin {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VmLogin.class);
    /** The JMS error code of a refused login: AMQP's name for it, as the AMQP transport reports. */
    static final String ERROR_CODE = "ACCESS_REFUSED";

    private VmLogin() {
    }

    /**
     * Returns if {@code broker} lets {@code user} in with {@code password}; either may be null (none given).
     *
     * @throws JMSSecurityException naming the broker and the user, never the password
     */
    static void check(Broker broker, String user, String password) throws JMSSecurityException {
        UserStore users = broker.config().users();
        if (users == null) {
            return;
        }
        if (user == null || user.isEmpty()) {
            LOG.warn("in-JVM broker vm://{} refused a connection that gave no user name", broker.name());
            throw new JMSSecurityException("the in-JVM broker vm://" + broker.name() + " has users and this"
                    + " connection gave no user name: pass user and password to createConnection or createContext,"
                    + " or give the connection URL the options user and password", ERROR_CODE);
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        LoginCheck check;
        try {
            check = users.checkLogin(user, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (!check.accepted()) {
            LOG.warn("in-JVM broker vm://{} refused user '{}': {}", broker.name(), user, check.refusal().reason());
            throw new JMSSecurityException("the in-JVM broker vm://" + broker.name() + " refused user '" + user
                    + "': unknown user or wrong password", ERROR_CODE);
        }
    }
}
