package io.warren.benchmarks;

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
 */
public record BenchmarkSettings(Duration warmup, Duration measurement, int messageSize, int latencyRate,
                                Path dataRoot) {
}
