package io.warren.broker;

import io.warren.broker.management.ChannelInfo;
import io.warren.broker.management.ConnectionDetails;
import io.warren.broker.management.ConnectionInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client's connection to a virtual host: it owns channels and exclusive queues. Closing it closes the
 * channels (requeueing their unacknowledged deliveries) and deletes its exclusive queues.
 */
public final class ClientConnection implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final VirtualHost host;
    private final String id;
    private final String clientName;
    private final AtomicInteger channelNumbers = new AtomicInteger();
    private final Map<Integer, Channel> channels = new ConcurrentHashMap<>();
    private volatile boolean open = true;
    private volatile String closeReason;
    private volatile String origin;
    private volatile ConnectionDetails details;
    private final List<java.util.function.Consumer<String>> closeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    ClientConnection(VirtualHost host, String clientName) {
        this.host = host;
        this.id = "conn-" + IDS.incrementAndGet();
        this.clientName = clientName;
        this.details = ConnectionDetails.inJvm("", System.currentTimeMillis());
    }

    /** Who is connected and how; the transport that accepted the connection sets it once it knows. */
    public ConnectionDetails details() {
        return details;
    }

    public void setDetails(ConnectionDetails details) {
        this.details = java.util.Objects.requireNonNull(details, "details");
    }

    /** A snapshot of this connection and its channels, for operators. */
    public ConnectionInfo info() {
        List<ChannelInfo> list = new java.util.ArrayList<>(channels.size());
        for (Channel ch : channels.values()) {
            list.add(ch.info());
        }
        list.sort(java.util.Comparator.comparingInt(ChannelInfo::number));
        return new ConnectionInfo(id, clientName, host.name(), details, list);
    }

    /**
     * Closes the connection on an operator's request: its channels close (requeueing what they held), and the
     * client learns {@code reason} through the listeners registered with {@link #onBrokerClose}, as when the
     * broker stops.
     */
    public void forceClose(String reason) {
        closeByBroker(reason);
    }

    /** Unique id of this connection within the JVM. */
    public String id() {
        return id;
    }

    /**
     * The publisher identity no-local consumers compare: this connection's id unless the client set one that
     * several connections share (JMS: all connections with the same client ID count as "local").
     */
    public String origin() {
        String o = origin;
        return o != null ? o : id;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public String clientName() {
        return clientName;
    }

    public VirtualHost virtualHost() {
        return host;
    }

    public boolean isOpen() {
        return open;
    }

    /**
     * Registers a callback run when the broker closes this connection (it stops); it receives the reason.
     * Not called when the client closes the connection itself.
     */
    public void onBrokerClose(java.util.function.Consumer<String> listener) {
        closeListeners.add(listener);
    }

    /** Why the broker closed the connection, or null while open or after a client close. */
    public String closeReason() {
        return closeReason;
    }

    public Channel createChannel() {
        if (!open) {
            throw BrokerException.illegalState(this + " is closed" + (closeReason == null ? "" : ": " + closeReason));
        }
        Channel ch = new Channel(this, channelNumbers.incrementAndGet());
        channels.put(ch.number(), ch);
        return ch;
    }

    void channelClosed(Channel channel) {
        channels.remove(channel.number());
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        for (Channel ch : List.copyOf(channels.values())) {
            ch.close();
        }
        open = false;
        host.deleteExclusiveQueues(id);
        host.connectionClosed(this);
    }

    /** The broker is going away: close as the client would, then tell the listeners why. */
    void closeByBroker(String reason) {
        if (!open) {
            return;
        }
        closeReason = reason;
        close();
        for (java.util.function.Consumer<String> l : closeListeners) {
            try {
                l.accept(reason);
            } catch (RuntimeException e) {
                // one failing listener must not keep the others from hearing about it
            }
        }
    }

    @Override
    public String toString() {
        return "connection " + id + (clientName == null ? "" : " (" + clientName + ")");
    }
}
