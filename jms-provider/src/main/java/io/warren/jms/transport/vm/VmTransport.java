package io.warren.jms.transport.vm;

import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.url.ConnectionUrl;
import jakarta.jms.JMSException;

/** Opens {@code vm://NAME} connections: to the named broker in this JVM, started on first use. */
public final class VmTransport {
    private VmTransport() {
    }

    /**
     * Connects to the URL's broker and virtual host.
     *
     * @param clientName how the broker names the connection (the client ID when one is configured)
     */
    public static BrokerConnection connect(ConnectionUrl url, String clientName) throws JMSException {
        return connect(url, clientName, url.user(), url.password());
    }

    /**
     * Connects as {@code user}; when the broker has users ({@link io.warren.broker.BrokerConfig#users()}) the
     * credentials must verify first ({@link VmLogin}), and a refused login leaves nothing behind in the broker.
     *
     * @param user     the user the application connected as, shown to operators; null when it gave none
     * @param password the user's password; null when it gave none
     * @throws jakarta.jms.JMSSecurityException when the broker has users and refuses these credentials
     */
    public static BrokerConnection connect(ConnectionUrl url, String clientName, String user, String password)
            throws JMSException {
        try {
            Broker broker = VmBrokers.acquire(url);
            VmLogin.check(broker, user, password);
            return new VmConnection(broker.name(), broker.virtualHost(url.virtualHost()), clientName, user);
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        } catch (BrokerSettingsMismatchException e) {
            JMSException j = new JMSException(e.getMessage(), BrokerSettingsMismatchException.ERROR_CODE);
            j.initCause(e);
            j.setLinkedException(e);
            throw j;
        }
    }
}
