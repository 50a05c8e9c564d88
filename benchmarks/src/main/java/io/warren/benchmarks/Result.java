package io.warren.benchmarks;

/**
 * What one workload measured: a rate, optionally latency percentiles, and a free-form note; or why it did not
 * run.
 *
 * @param id           short name of the workload, e.g. {@code W1}
 * @param title        what it does, e.g. {@code queue 1->1 non-persistent}
 * @param rate         operations per second in the measurement window
 * @param unit         what {@code rate} counts, e.g. {@code msgs/s}
 * @param latency      percentiles, or null when the workload measures none
 * @param latencyLabel what the latency is the time of, e.g. {@code send->onMessage at 10,000 msgs/s}
 * @param note         further figures worth a glance, or null
 * @param problem      why the workload did not produce a rate (it failed or cannot run yet), or null
 */
public record Result(String id, String title, double rate, String unit, LatencySummary latency,
                     String latencyLabel, String note, String problem) {

    /** A measured rate without latency. */
    public static Result rate(Workload w, double rate, String unit) {
        return new Result(w.id(), w.title(), rate, unit, null, null, null, null);
    }

    /** A workload that did not complete, with the reason. */
    public static Result problem(Workload w, String reason) {
        return new Result(w.id(), w.title(), Double.NaN, null, null, null, null, reason);
    }

    /** This result with latency percentiles of the given kind. */
    public Result withLatency(LatencySummary summary, String label) {
        return new Result(id, title, rate, unit, summary, label, note, problem);
    }

    /** This result with a note appended to any note it already has. */
    public Result withNote(String text) {
        return new Result(id, title, rate, unit, latency, latencyLabel, note == null ? text : note + "; " + text,
                problem);
    }

    /** Whether the workload produced a rate. */
    public boolean measured() {
        return problem == null;
    }
}
