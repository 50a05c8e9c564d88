package io.warren.benchmarks.paging;

import io.warren.benchmarks.DataDirectories;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One backlog run in a JVM of its own (started by {@link PagingBenchmarkMain} with a fixed {@code -Xmx}):
 * {@code PagingRunMain KIND CASE COUNT SIZE BATCH DATA_ROOT RESULT_FILE ARTEMIS_MAX_SIZE_BYTES WARMUP}. Prints its
 * progress and writes the {@link BacklogResult} to {@code RESULT_FILE}; its data directory is created under
 * {@code DATA_ROOT} and deleted afterwards.
 */
public final class PagingRunMain {
    static final String ARTEMIS = "io.warren.benchmarks.paging.peers.ArtemisBacklogBroker";

    private PagingRunMain() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        BacklogRun.Settings settings = new BacklogRun.Settings(PagingCase.of(args[1]), Long.parseLong(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[8]));
        Path dataDir = DataDirectories.create(Path.of(args[5]), kind + "-" + settings.pagingCase() + "-");
        Path resultFile = Path.of(args[6]);
        long artemisMaxSize = Long.parseLong(args[7]);
        try {
            BacklogBroker broker = switch (kind) {
                case "warren" -> new WarrenBacklogBroker(dataDir);
                case "artemis" -> artemis(dataDir, artemisMaxSize);
                default -> throw new IllegalArgumentException("unknown broker " + kind + ": warren or artemis");
            };
            BacklogResult result = new BacklogRun(broker, settings, System.out).run();
            result.write(resultFile);
        } finally {
            DataDirectories.delete(dataDir);
        }
        System.out.flush();
        // Artemis leaves non-daemon threads behind after stopping.
        System.exit(Files.exists(resultFile) ? 0 : 1);
    }

    private static BacklogBroker artemis(Path dataDir, long maxSizeBytes) throws ReflectiveOperationException {
        try {
            return (BacklogBroker) Class.forName(ARTEMIS).getConstructor(Path.class, long.class)
                    .newInstance(dataDir, maxSizeBytes);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ActiveMQ Artemis is not on the class path: run with the benchmarks"
                    + " module's peers profile (-Ppeers)", e);
        }
    }
}
