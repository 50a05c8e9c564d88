package io.warren.jms.transport.vm;

import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.ErrorCode;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.ConnectionDetails;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.BrokerFeatures;
import io.warren.jms.transport.ClientIds;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import java.util.Map;
import java.util.function.Consumer;

/** A {@link BrokerConnection} to a virtual host of a broker in this JVM. */
final class VmConnection implements BrokerConnection {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VmConnection.class);
    private final String brokerName;
    private final VirtualHost host;
    private final ClientConnection engine;
    private final BrokerFeatures features;

    VmConnection(String brokerName, VirtualHost host, String clientName, String user) {
        this.brokerName = brokerName;
        this.host = host;
        this.engine = host.connect(clientName);
        engine.setDetails(new ConnectionDetails(ConnectionDetails.IN_JVM, user, "", 0, "", 0,
                clientName == null ? Map.of("product", "Warren JMS")
                        : Map.of("product", "Warren JMS", "connection_name", clientName),
                System.currentTimeMillis()));
        // DEBUG, not INFO: in-JVM applications (JmsTemplate without a cache) may open a connection per send.
        LOG.debug("vm connection opened: {} to broker '{}', user '{}', vhost '{}'", engine.id(), brokerName,
                user == null ? "" : user, host.name());
        this.features = BrokerFeatures.warren("Warren (in-JVM broker '" + brokerName + "')");
    }

    @Override
    public String id() {
        return engine.id();
    }

    @Override
    public String origin() {
        return engine.origin();
    }

    @Override
    public BrokerFeatures features() {
        return features;
    }

    @Override
    public String resourceManagerId() {
        return "vm://" + brokerName + "/" + host.name();
    }

    @Override
    public BrokerChannel createChannel() throws JMSException {
        try {
            return new VmChannel(engine.createChannel());
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void claimClientId(String clientId) throws JMSException {
        Channel channel;
        try {
            channel = engine.createChannel();
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
        try {
            channel.queueDeclare(ClientIds.claimQueue(clientId), false, true, false, Map.of());
        } catch (BrokerException e) {
            if (e.code() == ErrorCode.RESOURCE_LOCKED) {
                InvalidClientIDException taken = new InvalidClientIDException("client ID '" + clientId
                        + "' is already in use by another connection to broker '" + brokerName + "'");
                taken.initCause(e);
                throw taken;
            }
            throw EngineErrors.toJms(e);
        } finally {
            channel.close();
        }
        // Messages from any connection with this client ID are "local" to its no-local subscribers.
        engine.setOrigin("client:" + clientId);
    }

    @Override
    public void shareClientId(String clientId) throws JMSException {
        if (host.hasQueue(ClientIds.claimQueue(clientId))) {
            throw new InvalidClientIDException(ClientIds.heldExclusively(clientId, "broker '" + brokerName + "'"));
        }
        engine.setOrigin("client:" + clientId);
    }

    @Override
    public boolean queueExists(String name) {
        return host.hasQueue(name);
    }

    @Override
    public boolean exchangeExists(String name) {
        return host.hasExchange(name);
    }

    @Override
    public void onLost(Consumer<String> listener) {
        engine.onBrokerClose(listener);
    }

    @Override
    public void close() {
        try {
            engine.close();
        } catch (BrokerException ignored) {
            // the broker may be stopped already; the connection is closed either way
        }
        LOG.debug("vm connection closed: {}", engine.id());
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
