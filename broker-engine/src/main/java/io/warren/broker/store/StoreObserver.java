package io.warren.broker.store;

/**
 * Told of each sync and compaction as it completes, to record latency distributions. Called on the store's
 * writer thread: implementations must be quick and must not block or throw.
 */
public interface StoreObserver {

    /** A force to disk took {@code nanos}. */
    void synced(long nanos);

    /** A compaction took {@code nanos} and shrank the journal from {@code bytesBefore} to {@code bytesAfter}. */
    void compacted(long nanos, long bytesBefore, long bytesAfter);
}
