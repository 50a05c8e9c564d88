package io.warren.broker.store.journal;

/** When the journal forces written records to disk, and so when a write's future completes. */
public enum SyncPolicy {
    /**
     * Every write completes after an fsync that covers it. Writers that arrive while a sync is running share
     * the next one (group commit), so throughput grows with the number of concurrent writers.
     */
    ALWAYS,
    /**
     * Syncs at most once per {@link JournalConfig#syncWindow()}; writes complete after the sync that covers
     * them. This caps the sync rate for devices where a sync is expensive, at the price of latency: a lone
     * writer that waits for each write gets at most one write per window, where {@link #ALWAYS} would give it
     * one per sync.
     */
    BATCHED,
    /**
     * Never syncs, not even on close; writes complete once handed to the operating system. Survives a crash of
     * the process but not of the machine. For tests and throw-away data.
     */
    NEVER
}
