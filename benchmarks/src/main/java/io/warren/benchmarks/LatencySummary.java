package io.warren.benchmarks;

/**
 * Latency percentiles of one measurement, in nanoseconds.
 *
 * @param count how many samples they summarise
 */
public record LatencySummary(long count, long p50, long p99, long p999, long max) {
}
