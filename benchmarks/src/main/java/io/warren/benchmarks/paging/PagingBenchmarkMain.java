package io.warren.benchmarks.paging;

import io.warren.benchmarks.DataDirectories;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The paging benchmark (issue 13): for each broker and case, one {@link PagingRunMain} in a child JVM with a
 * fixed heap fills a queue, measures the heap, recovers the journal (persistent cases) and drains the queue; at
 * the end a table sets the brokers side by side. See {@code benchmarks/README.md}.
 *
 * <pre>
 * mvn -B -q -Ppeers -pl benchmarks -am compile exec:java \
 *     -Dexec.mainClass=io.warren.benchmarks.paging.PagingBenchmarkMain -Dexec.args="--count 1000000"
 * </pre>
 */
public final class PagingBenchmarkMain {
    private PagingBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        PagingOptions options;
        try {
            options = PagingOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(PagingOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        if (options.help()) {
            out.println(PagingOptions.USAGE);
            return;
        }
        Path work = Files.createTempDirectory("warren-paging-");
        Path dataRoot = options.dataDir() != null ? options.dataDir() : work;
        out.printf(Locale.ROOT, "# Paging benchmark: brokers %s, cases %s; deep %,d and in-memory %,d messages of"
                        + " %,d B, %d per transaction, %,d to warm up; each run in a JVM with -Xmx%s; Java %s,"
                        + " %d cores%n",
                options.brokers(), options.cases(), options.deepCount(), options.memoryCount(), options.size(),
                options.batch(), options.warmup(), options.heap(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        PagingReport report = new PagingReport(options, out);
        try {
            for (PagingCase c : options.cases()) {
                for (String kind : options.brokers()) {
                    out.printf(Locale.ROOT, "# %s %s %s, %,d messages...%n", kind, c, c.title(), options.count(c));
                    out.flush();
                    ChildRun.Outcome outcome = ChildRun.run(kind, c, options, dataRoot, work, out);
                    report.add(kind, c, outcome);
                }
            }
            report.printTable();
        } finally {
            DataDirectories.delete(work);
        }
    }
}
