package io.warren.paging;

import java.nio.file.Path;

/**
 * How big {@link DeepBacklogTest} runs, from system properties (the module's pom passes its properties, which the
 * {@code deep-backlog} profile or {@code -Dpaging.…} on the command line change).
 *
 * @param heap                every child JVM's {@code -Xmx}
 * @param bodySize            bytes per message body
 * @param batch               sends or receives per transaction
 * @param persistentCount     persistent messages of the fill-and-drain test
 * @param nonPersistentCount  non-persistent messages of the fill-and-drain test
 * @param killCount           messages of the queue the kill tests fill and drain
 * @param selectorCount       messages of the selector and browser test
 * @param childTimeoutMinutes bound on any one child JVM
 * @param dataDir             where the brokers' data goes, or null for the test's temporary directory
 */
record BacklogSizes(String heap, int bodySize, int batch, long persistentCount, long nonPersistentCount,
                    long killCount, long selectorCount, long childTimeoutMinutes, Path dataDir) {

    static BacklogSizes fromSystemProperties() {
        String dir = System.getProperty("paging.dataDir", "");
        return new BacklogSizes(System.getProperty("paging.heap", "256m"), (int) number("paging.bodySize", 1024),
                (int) number("paging.batch", 500), number("paging.persistentCount", 10_000),
                number("paging.nonPersistentCount", 5_000), number("paging.killCount", 30_000),
                number("paging.selectorCount", 5_000), number("paging.childTimeoutMinutes", 5),
                dir.isBlank() ? null : Path.of(dir));
    }

    private static long number(String property, long fallback) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? fallback : Long.parseLong(value.trim().replace("_", ""));
    }

    /** Bytes of message bodies in {@code messages} messages. */
    long bytes(long messages) {
        return messages * bodySize;
    }
}
