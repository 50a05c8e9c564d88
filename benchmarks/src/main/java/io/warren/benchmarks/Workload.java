package io.warren.benchmarks;

/**
 * One benchmark scenario. An implementation sets up what it needs (a broker, connections, queues), warms up,
 * measures, and tears everything down again before returning, also when it fails.
 */
public interface Workload {
    /** Short name used on the command line and in the report, e.g. {@code E1}. */
    String id();

    /** One line saying what is measured, e.g. {@code queue 1->1 non-persistent}. */
    String title();

    /** Whether it writes to disk and therefore needs a data directory. */
    default boolean persistent() {
        return false;
    }

    /**
     * Runs the scenario.
     *
     * @return what it measured; a workload that cannot run (for instance because a feature it exercises is
     *         not available) returns {@link Result#problem} rather than throwing
     * @throws Exception when it fails unexpectedly; the harness reports the failure and carries on
     */
    Result run(BenchmarkSettings settings) throws Exception;
}
