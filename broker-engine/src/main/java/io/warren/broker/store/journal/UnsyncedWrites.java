package io.warren.broker.store.journal;

import io.warren.broker.BrokerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The futures of batches written to the journal but not synced yet, and when the {@link SyncPolicy} wants the sync
 * that completes them: under {@link SyncPolicy#ALWAYS} at once for a write somebody waits for, and for lazy writes
 * alone after {@link #LAZY_SYNC_DELAY_NANOS}; under {@link SyncPolicy#BATCHED} once per sync window; never under
 * {@link SyncPolicy#NEVER}, whose writes complete when written. Used under the journal's writer role only.
 */
final class UnsyncedWrites {
    /**
     * Under {@link SyncPolicy#ALWAYS}, how long a sync that only lazy writes need is held back for a write somebody
     * waits for: a consumer's acknowledgement then shares the sync of the producer's next send instead of making
     * that send wait for two.
     */
    static final long LAZY_SYNC_DELAY_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final SyncPolicy policy;
    private final long windowNanos;
    private final List<CompletableFuture<Void>> futures = new ArrayList<>();
    /** Whether {@link #futures} holds the future of a write that is not lazy. */
    private boolean urgent;
    /** Under {@link SyncPolicy#ALWAYS}, when the lazy writes are synced at the latest; 0: not decided yet. */
    private long lazyDue;
    private long lastSyncNanos;

    UnsyncedWrites(SyncPolicy policy, long windowNanos) {
        this.policy = policy;
        this.windowNanos = windowNanos;
        this.lastSyncNanos = System.nanoTime() - windowNanos;
    }

    void add(CompletableFuture<Void> future, boolean lazy) {
        futures.add(future);
        urgent |= !lazy;
    }

    boolean isEmpty() {
        return futures.isEmpty();
    }

    /**
     * Whether the writes must be synced now, before they complete; under {@link SyncPolicy#ALWAYS}, starts the
     * delay of lazy writes that just came.
     */
    boolean syncDue(boolean closing) {
        return switch (policy) {
            case ALWAYS -> closing || urgent || lazyDelayOver();
            case BATCHED -> closing || System.nanoTime() - lastSyncNanos >= windowNanos;
            case NEVER -> false;
        };
    }

    private boolean lazyDelayOver() {
        long now = System.nanoTime();
        if (lazyDue == 0) {
            lazyDue = now + LAZY_SYNC_DELAY_NANOS;
            return false;
        }
        return now - lazyDue >= 0;
    }

    /** Whether the writes complete without a sync at all ({@link SyncPolicy#NEVER}). */
    boolean needNoSync() {
        return policy == SyncPolicy.NEVER;
    }

    /** Records a sync that ended at {@code nanoTime}. */
    void synced(long nanoTime) {
        lastSyncNanos = nanoTime;
    }

    /** When the writer thread must sync the writes left, if nobody else does; meaningful while {@link #waiting}. */
    long deadline() {
        return policy == SyncPolicy.ALWAYS ? lazyDue : lastSyncNanos + windowNanos;
    }

    /** Whether writes are left that a later sync completes, so the writer thread must wake by {@link #deadline}. */
    boolean waiting() {
        return !futures.isEmpty() && policy != SyncPolicy.NEVER;
    }

    /** Completes every future: the writes are durable as the policy defines it. */
    void complete() {
        for (CompletableFuture<Void> f : futures) {
            f.complete(null);
        }
        reset();
    }

    /** Fails every future with {@code error}. */
    void fail(BrokerException error) {
        for (CompletableFuture<Void> f : futures) {
            f.completeExceptionally(error);
        }
        reset();
    }

    private void reset() {
        futures.clear();
        urgent = false;
        lazyDue = 0;
    }
}
