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
        return connect(url, clientName, null);
    }

    /** @param user the user the application connected as, shown to operators; null when it gave none */
    public static BrokerConnection connect(ConnectionUrl url, String clientName, String user) throws JMSException {
        try {
            Broker broker = VmBrokers.acquire(url);
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
