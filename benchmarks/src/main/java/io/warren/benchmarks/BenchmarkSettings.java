package io.warren.benchmarks;

import io.warren.benchmarks.jms.JmsTarget;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How every workload is run.
 *
 * @param warmup      how long a workload runs before measuring starts
 * @param measurement how long the measurement lasts
 * @param messageSize body size in bytes
 * @param latencyRate messages per second of paced latency runs
 * @param dataRoot    directory persistent workloads create their data directories in
 * @param target      the broker in another process the JMS workloads run against, or null for an in-JVM one
 */
public record BenchmarkSettings(Duration warmup, Duration measurement, int messageSize, int latencyRate,
                                Path dataRoot, JmsTarget target) {
    public BenchmarkSettings(Duration warmup, Duration measurement, int messageSize, int latencyRate, Path dataRoot) {
        this(warmup, measurement, messageSize, latencyRate, dataRoot, null);
    }
}
