package io.warren.benchmarks.paging;

import io.warren.benchmarks.LatencySummary;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What one backlog run measured, written by the child JVM to a properties file and read back by the parent.
 * Rates are messages per second; NaN where not measured (no recovery for non-persistent messages).
 *
 * @param kind               the broker, e.g. {@code warren}
 * @param pagingCase         what was filled
 * @param requested          messages the run meant to queue
 * @param filled             messages committed to the queue before the fill ended
 * @param refusal            why the fill stopped early (the producer was refused), or null
 * @param fillRate           committed messages per second while filling
 * @param heapPerMessage     heap after GC at full depth minus before the fill, per queued message, bytes
 * @param recoveredHeapPerMessage heap after GC once the restarted broker shows the full depth, minus the empty
 *                                broker's before the fill, per message (NaN without a restart)
 * @param recoveryMillis     from starting the stopped broker until its queue shows the full depth (NaN without)
 * @param firstMessageMillis from creating the consumer on the recovered queue to its first message (NaN without)
 * @param drainRate          messages received and committed per second by one consumer
 * @param drained            messages the drain received
 * @param outOfOrder         messages whose sequence number was not the next expected one
 * @param receive            time each {@code receive()} of the drain took
 * @param commit             time each {@code commit()} of the fill took
 * @param problem            what went wrong during the drain (the queue ran dry early, say), or null
 */
public record BacklogResult(String kind, PagingCase pagingCase, long requested, long filled, String refusal,
                            double fillRate, double heapPerMessage, double recoveredHeapPerMessage,
                            double recoveryMillis, double firstMessageMillis, double drainRate, long drained,
                            long outOfOrder, LatencySummary receive, LatencySummary commit, String problem) {

    /** Writes the result as a properties file. */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("kind", kind);
        p.setProperty("case", pagingCase.name());
        p.setProperty("requested", Long.toString(requested));
        p.setProperty("filled", Long.toString(filled));
        if (refusal != null) {
            p.setProperty("refusal", refusal);
        }
        if (problem != null) {
            p.setProperty("problem", problem);
        }
        p.setProperty("fillRate", Double.toString(fillRate));
        p.setProperty("heapPerMessage", Double.toString(heapPerMessage));
        p.setProperty("recoveredHeapPerMessage", Double.toString(recoveredHeapPerMessage));
        p.setProperty("recoveryMillis", Double.toString(recoveryMillis));
        p.setProperty("firstMessageMillis", Double.toString(firstMessageMillis));
        p.setProperty("drainRate", Double.toString(drainRate));
        p.setProperty("drained", Long.toString(drained));
        p.setProperty("outOfOrder", Long.toString(outOfOrder));
        put(p, "receive", receive);
        put(p, "commit", commit);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "backlog run");
        }
    }

    /** Reads a result {@link #write} wrote. */
    public static BacklogResult read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new BacklogResult(p.getProperty("kind"), PagingCase.of(p.getProperty("case")),
                Long.parseLong(p.getProperty("requested")), Long.parseLong(p.getProperty("filled")),
                p.getProperty("refusal"), dbl(p, "fillRate"), dbl(p, "heapPerMessage"),
                dbl(p, "recoveredHeapPerMessage"), dbl(p, "recoveryMillis"), dbl(p, "firstMessageMillis"),
                dbl(p, "drainRate"), Long.parseLong(p.getProperty("drained")),
                Long.parseLong(p.getProperty("outOfOrder")), get(p, "receive"), get(p, "commit"),
                p.getProperty("problem"));
    }

    private static double dbl(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "NaN"));
    }

    private static void put(Properties p, String prefix, LatencySummary s) {
        p.setProperty(prefix + ".count", Long.toString(s.count()));
        p.setProperty(prefix + ".p50", Long.toString(s.p50()));
        p.setProperty(prefix + ".p99", Long.toString(s.p99()));
        p.setProperty(prefix + ".p999", Long.toString(s.p999()));
        p.setProperty(prefix + ".max", Long.toString(s.max()));
    }

    private static LatencySummary get(Properties p, String prefix) {
        return new LatencySummary(Long.parseLong(p.getProperty(prefix + ".count", "0")),
                Long.parseLong(p.getProperty(prefix + ".p50", "0")), Long.parseLong(p.getProperty(prefix + ".p99", "0")),
                Long.parseLong(p.getProperty(prefix + ".p999", "0")), Long.parseLong(p.getProperty(prefix + ".max", "0")));
    }
}
