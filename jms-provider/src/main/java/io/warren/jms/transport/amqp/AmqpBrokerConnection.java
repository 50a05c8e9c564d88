package io.warren.jms.transport.amqp;

import io.warren.thread.WarrenThreads;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.BrokerFeatures;
import io.warren.jms.transport.ClientIds;
import io.warren.jms.transport.ErrorCodes;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A {@link BrokerConnection} over one AMQP connection. What the broker offers JMS is read from the
 * {@code capabilities} of its {@code connection.start}: a Warren server announces selectors, browsing,
 * delivery times and no-local; RabbitMQ announces none of them.
 */
final class AmqpBrokerConnection implements BrokerConnection {
    static final String SELECTOR_ARGUMENT = "x-selector";
    static final String BROWSE_ARGUMENT = "x-browse";

    private final Connection connection;
    private final String id = "amqp-" + UUID.randomUUID().toString().substring(0, 18);
    private final BrokerFeatures features;
    private final String resourceManagerId;
    private final boolean warren;
    private final TopologyChannel topology;
    private final Set<String> knownQueues = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<String>> lostListeners = new CopyOnWriteArrayList<>();
    private volatile String lostReason;
    private final ExecutorService events = Executors.newSingleThreadExecutor(WarrenThreads.named("warren-amqp-events"));

    /** @param virtualHost the virtual host the connection opened, part of the resource manager's identity */
    AmqpBrokerConnection(Connection connection, String virtualHost) {
        this.connection = connection;
        Map<String, Object> server = connection.getServerProperties();
        String product = String.valueOf(server.get("product"));
        Map<?, ?> caps = server.get("capabilities") instanceof Map<?, ?> m ? m : Map.of();
        this.warren = "Warren".equals(product);
        String name = product + " at " + connection.getAddress().getHostAddress() + ":" + connection.getPort();
        this.features = new BrokerFeatures(on(caps, "consumer_selectors"), on(caps, "queue_browse"),
                on(caps, "delivery_time"), on(caps, "no_local"), on(caps, "xa"), name);
        this.resourceManagerId = name + " vhost '" + virtualHost + "'";
        this.topology = new TopologyChannel(connection);
        connection.addShutdownListener(this::shutdown);
    }

    private static boolean on(Map<?, ?> caps, String name) {
        return Boolean.TRUE.equals(caps.get(name));
    }

    private void shutdown(ShutdownSignalException cause) {
        if (cause.isInitiatedByApplication()) {
            return;
        }
        lostReason = AmqpErrors.describe(cause);
        for (Consumer<String> l : lostListeners) {
            notify(() -> l.accept("the connection to " + features.name() + " was lost: " + lostReason));
        }
    }

    /**
     * Runs a notification for the JMS classes (connection lost, consumer cancelled) off the reader thread, in
     * order: it may end in the application's exception listener, which may call back into the connection.
     */
    void notify(Runnable notification) {
        try {
            events.execute(notification);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the application closed the connection: nobody is listening any more
        }
    }

    /**
     * The broker's product, address, port and the virtual host: equal for connections to one server's virtual
     * host through the same address. (One server reached through two addresses counts as two resource managers:
     * the transaction manager then gives each its own branch, which costs a prepare but is never wrong.)
     */
    @Override
    public String resourceManagerId() {
        return resourceManagerId;
    }

    @Override
    public String id() {
        return id;
    }

    /** The server stamps what this connection publishes; the client does not. */
    @Override
    public String origin() {
        return null;
    }

    @Override
    public BrokerFeatures features() {
        return features;
    }

    /** Whether the broker is a Warren server (which treats basic.reject as a release for this client). */
    boolean isWarren() {
        return warren;
    }

    TopologyChannel topology() {
        return topology;
    }

    @Override
    public BrokerChannel createChannel() throws JMSException {
        return new AmqpBrokerChannel(this, openChannel("opening a session"));
    }

    Channel openChannel(String operation) throws JMSException {
        try {
            Channel ch = connection.createChannel();
            if (ch == null) {
                throw new JMSException(operation + " failed: " + features.name() + " allows no more channels on"
                        + " this connection");
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            throw AmqpErrors.toJms(operation, e);
        }
    }

    @Override
    public void claimClientId(String clientId) throws JMSException {
        try {
            topology.run("claiming client ID '" + clientId + "'",
                    ch -> ch.queueDeclare(ClientIds.claimQueue(clientId), false, true, false, Map.of()));
        } catch (JMSException e) {
            if (ErrorCodes.RESOURCE_LOCKED.equals(e.getErrorCode())) {
                throw AmqpErrors.withCause(new InvalidClientIDException("client ID '" + clientId + "' is already in"
                        + " use by another connection to " + features.name()), e);
            }
            throw e;
        }
    }

    @Override
    public void shareClientId(String clientId) throws JMSException {
        boolean claimed;
        try {
            claimed = topology.succeeds("checking client ID '" + clientId + "'", ErrorCodes.NOT_FOUND,
                    ch -> ch.queueDeclarePassive(ClientIds.claimQueue(clientId)));
        } catch (JMSException e) {
            if (!ErrorCodes.RESOURCE_LOCKED.equals(e.getErrorCode())) {
                throw e;
            }
            claimed = true;
        }
        if (claimed) {
            throw new InvalidClientIDException(ClientIds.heldExclusively(clientId, features.name()));
        }
    }

    @Override
    public boolean queueExists(String name) throws JMSException {
        if (knownQueues.contains(name)) {
            return true;
        }
        boolean exists;
        try {
            exists = topology.succeeds("checking queue '" + name + "'", ErrorCodes.NOT_FOUND,
                    ch -> ch.queueDeclarePassive(name));
        } catch (JMSException e) {
            if (!ErrorCodes.RESOURCE_LOCKED.equals(e.getErrorCode())) {
                throw e;
            }
            exists = true; // another connection's exclusive queue (a temporary queue): it exists
        }
        if (exists && !name.startsWith("warren.temp-queue.")) {
            knownQueues.add(name);
        }
        return exists;
    }

    void knownQueue(String name) {
        if (!name.startsWith("warren.temp-queue.")) {
            knownQueues.add(name);
        }
    }

    void forgetQueue(String name) {
        knownQueues.remove(name);
    }

    @Override
    public boolean exchangeExists(String name) throws JMSException {
        if (name.isEmpty()) {
            return true;
        }
        return topology.succeeds("checking exchange '" + name + "'", ErrorCodes.NOT_FOUND,
                ch -> ch.exchangeDeclarePassive(name));
    }

    @Override
    public void onLost(Consumer<String> listener) {
        lostListeners.add(listener);
    }

    @Override
    public void close() {
        events.shutdown();
        try {
            connection.close();
        } catch (IOException | RuntimeException ignored) {
            // already closed, or the network is gone: closed either way
        }
    }

    static void closeQuietly(Channel ch) {
        try {
            if (ch.isOpen()) {
                ch.close();
            }
        } catch (IOException | RuntimeException | java.util.concurrent.TimeoutException ignored) {
            // closed by the broker or with the connection
        }
    }

    @Override
    public String toString() {
        return id + " to " + features.name();
    }
}
