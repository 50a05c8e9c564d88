package io.warren.benchmarks;

import io.warren.broker.store.journal.DiskProbe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks named on the command line (all by default) and prints a line per workload and a table
 * at the end. See {@link BenchmarkOptions#USAGE} and {@code benchmarks/README.md}.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am compile exec:java -Dexec.args="E1 W1 --seconds 10"
 * </pre>
 */
public final class BenchmarkMain {
    private static final Duration FSYNC_PROBE = Duration.ofSeconds(1);

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws IOException {
        BenchmarkOptions options;
        List<Workload> workloads;
        try {
            options = BenchmarkOptions.parse(args);
            workloads = Workloads.select(options.workloads());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        if (options.help()) {
            out.println(BenchmarkOptions.USAGE);
            out.println("workloads:");
            Workloads.all().forEach(w -> out.printf(Locale.ROOT, "  %-4s %s%n", w.id(), w.title()));
            return;
        }
        boolean persistent = workloads.stream().anyMatch(Workload::persistent);
        Path temporary = options.dataDir() == null && persistent ? Files.createTempDirectory("warren-bench-") : null;
        Path dataRoot = options.dataDir() != null ? options.dataDir() : temporary;
        BenchmarkSettings settings = new BenchmarkSettings(Duration.ofSeconds(options.warmup()),
                Duration.ofSeconds(options.seconds()), options.size(), options.rate(), dataRoot, options.target());
        if (options.target() != null) {
            // the engine workloads have no broker in another process to run against
            workloads = workloads.stream().filter(w -> w.id().startsWith("W")).toList();
        }
        try {
            run(workloads, settings, new Report(out), out);
        } finally {
            DataDirectories.delete(temporary);
        }
    }

    private static void run(List<Workload> workloads, BenchmarkSettings settings, Report report, PrintStream out)
            throws IOException {
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "# Warren benchmarks: %d workload(s), %d s warm-up + %d s each, %d-byte bodies;"
                        + " Java %s, %d cores, max heap %,d MiB%n", workloads.size(), settings.warmup().toSeconds(),
                settings.measurement().toSeconds(), settings.messageSize(), System.getProperty("java.version"),
                rt.availableProcessors(), rt.maxMemory() >> 20);
        boolean probed = false;
        for (Workload w : workloads) {
            if (w.persistent() && !probed && settings.target() == null) {
                probeDisk(settings.dataRoot(), report);
                probed = true;
            }
            report.starting(w, settings);
            Result result;
            try {
                result = w.run(settings);
            } catch (Exception e) {
                result = Result.problem(w, describe(e));
            }
            report.add(result);
            System.gc();
        }
        report.printTable();
    }

    /**
     * Measures how many syncs per second the disk under the data directory completes, right before the
     * persistent workloads so that it sees the same conditions they do.
     */
    private static void probeDisk(Path dataRoot, Report report) throws IOException {
        Files.createDirectories(dataRoot);
        double syncs = DiskProbe.measureFsyncRate(dataRoot, FSYNC_PROBE);
        report.footnote(String.format(Locale.ROOT, "disk under %s: %s fsyncs/s (4 KiB write + fsync in a loop)",
                dataRoot.toAbsolutePath(), Report.rate(syncs)));
    }

    /** The exception's message, and its root cause's when that says something else. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = e.getMessage() != null ? e.getMessage() : e.toString();
        if (root == e || root.getMessage() == null || outer.contains(root.getMessage())) {
            return outer;
        }
        return outer + " (cause: " + root.getMessage() + ")";
    }
}
