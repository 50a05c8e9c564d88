package io.warren.server.config;

import java.time.Duration;

/**
 * What AMQP clients may negotiate and how many may connect, from {@code channel_max}, {@code frame_max},
 * {@code heartbeat}, {@code connection_max}, {@code handshake_timeout} and {@code max_message_size}, and the free
 * disk below which publishers are blocked ({@code disk_free_limit.absolute}).
 * Immutable; values were range-checked when read.
 *
 * @param channelMax       highest channel number per connection
 * @param frameMax         largest frame in bytes
 * @param heartbeat        heartbeat the server proposes, seconds, 0 for none
 * @param connectionMax    connections at once, 0 for no limit
 * @param handshakeTimeout time from TCP connect to {@code connection.open}
 * @param maxMessageSize   largest message body in bytes
 * @param diskFreeLimit    free bytes on the data directory's disk below which publishers block, 0 for no check
 */
public record ConnectionLimits(int channelMax, int frameMax, int heartbeat, int connectionMax,
                               Duration handshakeTimeout, long maxMessageSize, long diskFreeLimit) {

    /**
     * RabbitMQ's defaults: 2047 channels, 131072-byte frames, 60 s heartbeat, no connection limit, 10 s, 128 MiB,
     * 50 MB of free disk.
     */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(2047, 131072, 60, 0, Duration.ofSeconds(10), 128L * 1024 * 1024,
                50L * 1000 * 1000);
    }
}
