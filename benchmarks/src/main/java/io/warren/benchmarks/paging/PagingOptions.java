package io.warren.benchmarks.paging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paging benchmark's command line.
 *
 * @param brokers         brokers to measure, in order ({@code warren}, {@code artemis})
 * @param cases           what to fill, in order
 * @param deepCount       messages in the deep cases
 * @param memoryCount     messages in the in-memory cases
 * @param size            body size in bytes
 * @param batch           sends or receives per transaction
 * @param heap            every run's {@code -Xmx}, e.g. {@code 256m}
 * @param artemisMaxSize  Artemis's {@code max-size-bytes}: what an address holds in memory before it pages
 * @param dataDir         where the runs write their data, or null for a temporary directory
 * @param timeoutMinutes  how long one run may take before it is killed
 * @param warmup          messages each run fills and drains through another queue before measuring
 * @param help            whether usage was asked for
 */
public record PagingOptions(List<String> brokers, List<PagingCase> cases, long deepCount, long memoryCount, int size,
                            int batch, String heap, long artemisMaxSize, Path dataDir, int timeoutMinutes,
                            long warmup, boolean help) {

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: PagingBenchmarkMain [--brokers warren,artemis] [--cases P1,P2,M1,M2] [--count N]"
                    + " [--memory-count N] [--size BYTES] [--batch N] [--heap SIZE] [--artemis-max-size BYTES]"
                    + " [--data-dir PATH] [--timeout MINUTES] [--warmup N]",
            "  --brokers LIST          brokers to measure (default warren,artemis; artemis needs -Ppeers)",
            "  --cases LIST            P1 deep persistent, P2 deep non-persistent, M1/M2 the same in memory"
                    + " (default all)",
            "  --count N               messages in the deep queues (default 500,000)",
            "  --memory-count N        messages in the in-memory queues (default 25,000)",
            "  --size BYTES            body size (default 1024)",
            "  --batch N               sends or receives per transaction (default 500)",
            "  --heap SIZE             -Xmx of every run's JVM (default 256m)",
            "  --artemis-max-size B    Artemis max-size-bytes, memory an address uses before paging (default 64 MiB)",
            "  --data-dir PATH         where the journals go (default: a temporary directory, deleted after)",
            "  --timeout MINUTES       bound on one run (default 30)",
            "  --warmup N              messages filled and drained through another queue before measuring, 0 for"
                    + " none (default 20,000)");

    /** Parses arguments; a bad one fails with {@link IllegalArgumentException} naming it. */
    public static PagingOptions parse(String... args) {
        List<String> brokers = List.of("warren", "artemis");
        List<PagingCase> cases = List.of(PagingCase.values());
        long deep = 500_000;
        long memory = 25_000;
        int size = 1024;
        int batch = 500;
        String heap = "256m";
        long artemisMax = 64L << 20;
        Path dataDir = null;
        int timeout = 30;
        long warmup = 20_000;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.isBlank()) {
                continue;
            }
            if (name.equals("--help")) {
                help = true;
                continue;
            }
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            switch (name) {
                case "--brokers" -> brokers = brokers(value);
                case "--cases" -> cases = split(value).stream().map(PagingCase::of).toList();
                case "--count" -> deep = number(name, value);
                case "--memory-count" -> memory = number(name, value);
                case "--size" -> size = (int) number(name, value);
                case "--batch" -> batch = (int) number(name, value);
                case "--heap" -> heap = value;
                case "--artemis-max-size" -> artemisMax = number(name, value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--timeout" -> timeout = (int) number(name, value);
                case "--warmup" -> warmup = value.trim().equals("0") ? 0 : number(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new PagingOptions(brokers, cases, deep, memory, size, batch, heap, artemisMax, dataDir, timeout, warmup,
                help);
    }

    /** Messages a case queues. */
    public long count(PagingCase c) {
        return c.deep() ? deepCount : memoryCount;
    }

    private static List<String> brokers(String value) {
        List<String> list = split(value.toLowerCase(Locale.ROOT));
        for (String b : list) {
            if (!b.equals("warren") && !b.equals("artemis")) {
                throw new IllegalArgumentException("unknown broker '" + b + "': warren or artemis");
            }
        }
        return list;
    }

    private static List<String> split(String value) {
        List<String> list = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                list.add(s.trim());
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("an empty list: '" + value + "'");
        }
        return list;
    }

    private static long number(String option, String value) {
        try {
            long n = Long.parseLong(value.trim().replace("_", "").replace(",", ""));
            if (n < 1) {
                throw new IllegalArgumentException("option " + option + " must be at least 1, was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " needs a whole number, was '" + value + "'");
        }
    }
}
