package io.warren.broker.store.journal;

/**
 * Told as a compaction reaches each of its phases, on the thread that reaches it; lets tests take a crash image of
 * the data directory at every point. The store uses {@link #NONE}.
 */
@FunctionalInterface
interface CompactionHook {
    CompactionHook NONE = phase -> {
    };

    /** The phases of a compaction, in order. */
    enum Phase {
        /** The writer sealed the segments to compact and left a sequence number free for the snapshot. */
        PLANNED,
        /** The compaction thread copied a message into the temporary snapshot (once per message). */
        COPYING,
        /** The snapshot and its index are complete and synced, under a temporary name. */
        WRITTEN,
        /** The writer renamed the snapshot into place: recovery now starts with it; the old segments go next. */
        INSTALLED,
        /** The compaction thread pointed the messages at their copies; the old segments are deleted. */
        RELOCATED,
        /** The old segments' read channels are closed: the compaction is over. */
        DONE
    }

    void reached(Phase phase);
}
