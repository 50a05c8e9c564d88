/**
 * Micrometer meters for a Warren broker: bind {@link io.warren.metrics.BrokerMetrics} to any
 * {@code MeterRegistry} to publish queue depths, message rates, connection counts, journal latency and the
 * memory guard's state.
 */
package io.warren.metrics;
