package io.warren.broker;

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

    ClientConnection(VirtualHost host, String clientName) {
        this.host = host;
        this.id = "conn-" + IDS.incrementAndGet();
        this.clientName = clientName;
    }

    /** Unique id of this connection within the JVM. */
    public String id() {
        return id;
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

    public Channel createChannel() {
        if (!open) {
            throw BrokerException.illegalState(this + " is closed");
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
    }

    @Override
    public String toString() {
        return "connection " + id + (clientName == null ? "" : " (" + clientName + ")");
    }
}
