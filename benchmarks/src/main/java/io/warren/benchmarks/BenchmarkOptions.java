package io.warren.benchmarks;

import io.warren.benchmarks.jms.JmsTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parsed command line: which workloads to run and how.
 *
 * @param workloads ids of the workloads to run, upper case, in the order given; empty for all
 * @param seconds   measurement time per workload
 * @param warmup    warm-up time per workload
 * @param size      message body size in bytes
 * @param rate      messages per second of the paced latency runs
 * @param dataDir   where persistent workloads keep their data, or null for a temporary directory
 * @param help      whether usage was asked for
 * @param target    the broker in another process the JMS workloads run against, or null
 */
public record BenchmarkOptions(List<String> workloads, int seconds, int warmup, int size, int rate, Path dataDir,
                               boolean help, JmsTarget target) {

    /** Usage text printed for {@code --help} and after a bad argument. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: BenchmarkMain [WORKLOAD ...] [--seconds N] [--warmup N] [--size BYTES] [--rate MSGS_PER_S]"
                    + " [--data-dir PATH] [--target KIND=URL]",
            "  WORKLOAD        one or more of the ids below (case-insensitive); default: all",
            "  --seconds N     measurement time per workload (default 5)",
            "  --warmup N      warm-up time per workload before measuring (default 2)",
            "  --size BYTES    message body size (default 256)",
            "  --rate N        send rate of the paced latency measurement of W1 (default 10000)",
            "  --data-dir PATH where persistent workloads write (default: a temporary directory, deleted after)",
            "  --target K=URL  run the JMS workloads against a broker in another process: warren=amqp://H:P,",
            "                  artemis=tcp://H:P or rabbitmq=amqp://H:P (default: an in-JVM Warren broker)");

    /**
     * Parses arguments.
     *
     * @throws IllegalArgumentException naming the offending argument
     */
    public static BenchmarkOptions parse(String... args) {
        List<String> workloads = new ArrayList<>();
        int seconds = 5;
        int warmup = 2;
        int size = 256;
        int rate = 10_000;
        Path dataDir = null;
        JmsTarget target = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--")) {
                workloads.add(arg.toUpperCase(Locale.ROOT));
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help")) {
                help = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--seconds" -> seconds = positive(name, value, 1);
                case "--warmup" -> warmup = positive(name, value, 0);
                case "--size" -> size = positive(name, value, 0);
                case "--rate" -> rate = positive(name, value, 1);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--target" -> target = JmsTarget.parse(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new BenchmarkOptions(List.copyOf(workloads), seconds, warmup, size, rate, dataDir, help, target);
    }

    private static int positive(String option, String value, int min) {
        try {
            int n = Integer.parseInt(value.trim().replace("_", "").replace(",", ""));
            if (n < min) {
                throw new IllegalArgumentException("option " + option + " must be at least " + min + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " needs a whole number, was '" + value + "'");
        }
    }
}
