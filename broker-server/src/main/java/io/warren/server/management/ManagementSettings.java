package io.warren.server.management;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the management HTTP API listens and how often it samples counters for rates. Immutable; start from
 * {@link #defaults()} (RabbitMQ's: all interfaces, port 15672, 5 s) or {@link #ephemeral()} (tests).
 *
 * @param bindAddress        interface to listen on; {@code 0.0.0.0} for all
 * @param port               TCP port; 0 picks a free one
 * @param statisticsInterval how often message counters are sampled to compute rates
 */
public record ManagementSettings(String bindAddress, int port, Duration statisticsInterval) {

    /** RabbitMQ's management port. */
    public static final int DEFAULT_PORT = 15672;
    /** RabbitMQ's {@code collect_statistics_interval}. */
    public static final Duration DEFAULT_STATISTICS_INTERVAL = Duration.ofSeconds(5);

    /**
     * @throws IllegalArgumentException if the port is outside 0..65535 or the interval is not positive
     */
    public ManagementSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(statisticsInterval, "statisticsInterval");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, was " + port);
        }
        if (statisticsInterval.isNegative() || statisticsInterval.isZero()) {
            throw new IllegalArgumentException("statisticsInterval must be positive, was " + statisticsInterval);
        }
    }

    /** All interfaces, port 15672, counters sampled every 5 s. */
    public static ManagementSettings defaults() {
        return new ManagementSettings("0.0.0.0", DEFAULT_PORT, DEFAULT_STATISTICS_INTERVAL);
    }

    /** A free port on the loopback interface, for tests and embedded use. */
    public static ManagementSettings ephemeral() {
        return defaults().withBindAddress("127.0.0.1").withPort(0);
    }

    public ManagementSettings withBindAddress(String value) {
        return new ManagementSettings(value, port, statisticsInterval);
    }

    public ManagementSettings withPort(int value) {
        return new ManagementSettings(bindAddress, value, statisticsInterval);
    }

    public ManagementSettings withStatisticsInterval(Duration value) {
        return new ManagementSettings(bindAddress, port, value);
    }
}
