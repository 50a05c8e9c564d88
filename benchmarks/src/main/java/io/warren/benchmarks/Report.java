package io.warren.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints results: one aligned line per workload as it finishes, and at the end a Markdown table of all of
 * them that can be pasted into a document as it is.
 */
public final class Report {
    private static final int TITLE_WIDTH = 40;

    private final PrintStream out;
    private final List<Result> results = new ArrayList<>();
    private final List<String> footnotes = new ArrayList<>();

    public Report(PrintStream out) {
        this.out = out;
    }

    /** Prints a line saying a workload is starting, so a long run shows where it is. */
    public void starting(Workload w, BenchmarkSettings s) {
        out.printf(Locale.ROOT, "# %s %s: %d s warm-up, %d s measurement...%n", w.id(), w.title(),
                s.warmup().toSeconds(), s.measurement().toSeconds());
        out.flush();
    }

    /** Prints a result's line (and its note, indented, below it) and keeps it for the table. */
    public void add(Result r) {
        results.add(r);
        out.println(line(r));
        if (r.latencyLabel() != null) {
            out.println("    latency = " + r.latencyLabel());
        }
        if (r.note() != null) {
            out.println("    " + r.note());
        }
        out.flush();
    }

    /** A line printed under the table, such as the disk's sync rate. */
    public void footnote(String text) {
        footnotes.add(text);
        out.println("# " + text);
        out.flush();
    }

    static String line(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(pad(r.id(), 4)).append(pad(r.title(), TITLE_WIDTH));
        if (!r.measured()) {
            return b.append("not measured: ").append(r.problem()).toString();
        }
        b.append(String.format(Locale.ROOT, "%14s %-12s", rate(r.rate()), r.unit()));
        LatencySummary l = r.latency();
        if (l != null) {
            b.append(String.format(Locale.ROOT, "  p50 %-9s p99 %-9s p99.9 %-9s max %s",
                    duration(l.p50()), duration(l.p99()), duration(l.p999()), duration(l.max())));
        }
        return b.toString().stripTrailing();
    }

    /** Prints the table of every result added so far, then the footnotes. */
    public void printTable() {
        out.println();
        out.println("| id | workload | rate | p50 | p99 | p99.9 | max | notes |");
        out.println("|----|----------|-----:|----:|----:|------:|----:|-------|");
        for (Result r : results) {
            String rate = r.measured() ? rate(r.rate()) + " " + r.unit() : "not measured";
            LatencySummary l = r.latency();
            String notes = join(r.latencyLabel() == null ? null : "latency = " + r.latencyLabel(),
                    r.measured() ? r.note() : r.problem());
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.id(), r.title(), rate,
                    l == null ? "" : duration(l.p50()), l == null ? "" : duration(l.p99()),
                    l == null ? "" : duration(l.p999()), l == null ? "" : duration(l.max()),
                    notes == null ? "" : notes.replace("|", "\\|"));
        }
        if (!footnotes.isEmpty()) {
            out.println();
            footnotes.forEach(out::println);
        }
        out.flush();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    /** A rate with thousands separators, e.g. {@code 1,234,567}. */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** A duration in nanoseconds as microseconds (or milliseconds when large), e.g. {@code 12 us}. */
    public static String duration(long nanos) {
        double micros = nanos / 1_000.0;
        if (micros < 10) {
            return String.format(Locale.ROOT, "%.1f us", micros);
        }
        if (micros < 10_000) {
            return String.format(Locale.ROOT, "%,.0f us", micros);
        }
        return String.format(Locale.ROOT, "%,.1f ms", micros / 1_000);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
