package io.warren.broker.store;

/**
 * Running totals of a store's writing since it opened, for metrics.
 *
 * @param batches      batches accepted
 * @param bytesWritten bytes appended to the journal (records, not snapshots)
 * @param syncs        forces to disk; fewer than batches when writers share them
 * @param syncNanos    time spent in those forces
 * @param compactions  compactions completed
 * @param journalBytes current size of the journal on disk
 */
public record StoreStatistics(long batches, long bytesWritten, long syncs, long syncNanos, long compactions,
                              long journalBytes) {

    /** The figures of a store that writes nothing to disk. */
    public static final StoreStatistics NONE = new StoreStatistics(0, 0, 0, 0, 0, 0);
}
