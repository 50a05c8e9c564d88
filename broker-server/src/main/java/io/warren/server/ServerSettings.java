package io.warren.server;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AmqpServer} listens and what it lets clients negotiate. Immutable; start from
 * {@link #defaults()} (RabbitMQ's defaults: AMQP on 5672, TLS off, 2047 channels per connection, 128 KiB
 * frames, 60 s heartbeat) and change what differs.
 *
 * @param bindAddress      interface to listen on; {@code 0.0.0.0} for all
 * @param port             plain AMQP port; 0 picks a free one, -1 disables the plain listener
 * @param tlsPort          AMQPS port; 0 picks a free one, -1 (default) disables TLS
 * @param sslContext       server TLS context, required when {@code tlsPort} is not -1
 * @param channelMax       highest channel number a client may open
 * @param frameMax         largest frame in bytes a client may send or receive
 * @param heartbeat        heartbeat interval the server proposes, in seconds; 0 for none
 * @param maxConnections   connections accepted at once, 0 for no limit
 * @param handshakeTimeout time a client has from connecting to {@code connection.open}
 * @param maxMessageSize   largest message body accepted, in bytes
 * @param diskFreeLimit    free space below which the data directory's disk stops publishers (RabbitMQ's
 *                         {@code disk_free_limit}); 0 for no check
 */
public record ServerSettings(String bindAddress, int port, int tlsPort, SslContext sslContext, int channelMax,
                             int frameMax, int heartbeat, int maxConnections, Duration handshakeTimeout,
                             long maxMessageSize, long diskFreeLimit) {
    /** The settings as a log line shows them; the TLS context only as on or off. */
    @Override
    public String toString() {
        return "ServerSettings[bind=" + bindAddress + ", port=" + port + ", tlsPort=" + tlsPort + ", tls="
                + (sslContext == null ? "off" : "on") + ", channelMax=" + channelMax + ", frameMax=" + frameMax
                + ", heartbeat=" + heartbeat + " s, maxConnections=" + (maxConnections == 0 ? "unlimited" : maxConnections)
                + ", handshakeTimeout=" + handshakeTimeout.toMillis() + " ms, maxMessageSize=" + maxMessageSize
                + ", diskFreeLimit=" + diskFreeLimit + "]";
    }

    /** The smallest frame size AMQP 0-9-1 lets a peer negotiate. */
    public static final int MIN_FRAME_MAX = 4096;

    public ServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        checkPort("port", port);
        checkPort("tlsPort", tlsPort);
        if (tlsPort != -1 && sslContext == null) {
            throw new IllegalArgumentException("a TLS listener (tlsPort " + tlsPort + ") needs an SslContext");
        }
        if (port == -1 && tlsPort == -1) {
            throw new IllegalArgumentException("no listener: both port and tlsPort are -1");
        }
        if (channelMax < 1 || channelMax > 65535) {
            throw new IllegalArgumentException("channelMax must be 1..65535, was " + channelMax);
        }
        if (frameMax < MIN_FRAME_MAX) {
            throw new IllegalArgumentException("frameMax must be at least " + MIN_FRAME_MAX + ", was " + frameMax);
        }
        if (heartbeat < 0 || heartbeat > 65535) {
            throw new IllegalArgumentException("heartbeat must be 0..65535 seconds, was " + heartbeat);
        }
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must not be negative, was " + maxConnections);
        }
        if (diskFreeLimit < 0) {
            throw new IllegalArgumentException("diskFreeLimit must not be negative, was " + diskFreeLimit);
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive, was " + maxMessageSize);
        }
    }

    private static void checkPort(String name, int value) {
        if (value < -1 || value > 65535) {
            throw new IllegalArgumentException(name + " must be -1 (off), 0 (any free port) or 1..65535, was " + value);
        }
    }

    /**
     * RabbitMQ's defaults: 0.0.0.0:5672, no TLS, 2047 channels, 131072-byte frames, 60 s heartbeat, 128 MiB
     * messages, publishers stopped below 50 MB of free disk.
     */
    public static ServerSettings defaults() {
        return new ServerSettings("0.0.0.0", 5672, -1, null, 2047, 131072, 60, 0, Duration.ofSeconds(10),
                128L * 1024 * 1024, 50L * 1000 * 1000);
    }

    /** Defaults on a free loopback port, for tests and embedded use. */
    public static ServerSettings ephemeral() {
        return defaults().withBindAddress("127.0.0.1").withPort(0);
    }

    public ServerSettings withBindAddress(String value) {
        return new ServerSettings(value, port, tlsPort, sslContext, channelMax, frameMax, heartbeat, maxConnections,
                handshakeTimeout, maxMessageSize, diskFreeLimit);
    }

    public ServerSettings withPort(int value) {
        return new ServerSettings(bindAddress, value, tlsPort, sslContext, channelMax, frameMax, heartbeat,
                maxConnections, handshakeTimeout, maxMessageSize, diskFreeLimit);
    }

    public ServerSettings withTls(int value, SslContext context) {
        return new ServerSettings(bindAddress, port, value, context, channelMax, frameMax, heartbeat, maxConnections,
                handshakeTimeout, maxMessageSize, diskFreeLimit);
    }

    public ServerSettings withChannelMax(int value) {
        return new ServerSettings(bindAddress, port, tlsPort, sslContext, value, frameMax, heartbeat, maxConnections,
                handshakeTimeout, maxMessageSize, diskFreeLimit);
    }

    public ServerSettings withFrameMax(int value) {
        return new ServerSettings(bindAddress, port, tlsPort, sslContext, channelMax, value, heartbeat, maxConnections,
                handshakeTimeout, maxMessageSize, diskFreeLimit);
    }

    public ServerSettings withHeartbeat(int value) {
        return new ServerSettings(bindAddress, port, tlsPort, sslContext, channelMax, frameMax, value, maxConnections,
                handshakeTimeout, maxMessageSize, diskFreeLimit);
    }

    public ServerSettings withMaxConnections(int value) {
        return new ServerSettings(bindAddress, port, tlsPort, sslContext, channelMax, frameMax, heartbeat, value,
                handshakeTimeout, maxMessageSize, diskFreeLimit);
    }

    public ServerSettings withHandshakeTimeout(Duration value) {
        return new ServerSettings(bindAddress, port, tlsPort, sslContext, channelMax, frameMax, heartbeat,
                maxConnections, value, maxMessageSize, diskFreeLimit);
    }

    public ServerSettings withMaxMessageSize(long value) {
        return new ServerSettings(bindAddress, port, tlsPort, sslContext, channelMax, frameMax, heartbeat,
                maxConnections, handshakeTimeout, value, diskFreeLimit);
    }

    public ServerSettings withDiskFreeLimit(long value) {
        return new ServerSettings(bindAddress, port, tlsPort, sslContext, channelMax, frameMax, heartbeat,
                maxConnections, handshakeTimeout, maxMessageSize, value);
    }
}
