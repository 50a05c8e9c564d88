package io.warren.broker.store.journal;

import io.warren.broker.store.StoreObserver;
import io.warren.broker.store.StoreOperation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the journal is compacted, and installs what a compaction produced. A compaction starts once live
 * data has become a small part of a journal large enough: the estimated snapshot (live messages, plus what the last
 * snapshot held besides them) at most {@link JournalConfig#compactionLiveRatio()} of the journal, and the journal at
 * least {@link JournalConfig#compactionMinBytes()} (or twice its size when the last attempt failed). The copy runs
 * on the compaction thread ({@link BackgroundCompaction}); renaming the snapshot into place is a short pause for
 * writers. Used by the journal's writer thread only, under the writer role, between groups whose writes are all
 * durable.
 */
final class CompactionScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(CompactionScheduler.class);

    private final Path directory;
    private final JournalConfig config;
    private final LiveState state;
    private final SegmentLog log;
    private final Compactor compactor;
    private final BackgroundCompaction compaction;
    private final List<StoreObserver> observers;
    private final AtomicLong compactions = new AtomicLong();
    /** What a snapshot holds besides message records, as measured by the last one. */
    private long snapshotOverhead;
    /** After a failed compaction, the journal size at which to try again. */
    private long retryAt;

    CompactionScheduler(JournalConfig config, LiveState state, SegmentLog log, Compactor compactor,
                        BackgroundCompaction compaction, List<StoreObserver> observers, long snapshotOverhead) {
        this.directory = config.directory();
        this.config = config;
        this.state = state;
        this.log = log;
        this.compactor = compactor;
        this.compaction = compaction;
        this.observers = observers;
        this.snapshotOverhead = snapshotOverhead;
    }

    /**
     * Installs a snapshot the compaction thread finished, and starts a compaction if one is {@link #due}.
     *
     * @throws IOException if sealing the active segment for a new compaction failed: the journal cannot go on
     */
    void run() throws IOException {
        Object outcome = compaction.takeOutcome();
        if (outcome instanceof Compactor.Snapshot snapshot) {
            install(snapshot);
        } else if (outcome instanceof Exception e) {
            LOG.warn("Compacting the journal in {} failed; continuing with the existing segments and trying again "
                    + "once the journal has doubled: {}", directory, e.toString());
            retryAt = 2 * log.journalBytes();
            compaction.failed();
        }
        if (!due()) {
            return;
        }
        long journalBytes = log.journalBytes();
        List<StoreOperation> declarations = new ArrayList<>();
        state.entities().forEachDeclaration(declarations::add);
        List<StoreOperation> prepared = new ArrayList<>();
        state.entities().prepared().forEach(prepared::add);
        long last = log.activeSequence();
        long reserved = log.rollLeavingGap();
        compaction.start(new Compactor.Plan(last, reserved, state.highestMessageId(), declarations, prepared,
                journalBytes, System.nanoTime()));
    }

    /** Whether a compaction should start now. */
    boolean due() {
        if (compaction.busy()) {
            return false;
        }
        long journalBytes = log.journalBytes();
        long snapshotEstimate = state.liveMessageBytes() + snapshotOverhead;
        return journalBytes >= Math.max(config.compactionMinBytes(), retryAt)
                && snapshotEstimate <= journalBytes * config.compactionLiveRatio();
    }

    /** Renames the snapshot into place and stops counting the segments it replaces. */
    private void install(Compactor.Snapshot snapshot) {
        SegmentFile file;
        try {
            file = compactor.install(snapshot);
        } catch (IOException e) {
            LOG.warn("Installing the compacted journal segment in {} failed; continuing with the existing segments: "
                    + "{}", directory, e.toString());
            compactor.discard(snapshot);
            retryAt = 2 * log.journalBytes();
            compaction.failed();
            return;
        }
        List<SegmentFile> obsolete = log.installSnapshot(file);
        compaction.cleanUp(snapshot, obsolete);
        snapshotOverhead = Math.max(0, file.size() - state.liveMessageBytes());
        retryAt = 0;
        compactions.incrementAndGet();
        long took = System.nanoTime() - snapshot.plan().startedNanos();
        for (StoreObserver o : observers) {
            o.compacted(took, snapshot.plan().journalBytes(), log.journalBytes());
        }
        LOG.debug("Compacted the journal in {}: {} segments of {} bytes became a snapshot of {} bytes in {} ms",
                directory, obsolete.size(), snapshot.plan().journalBytes(), file.size(),
                TimeUnit.NANOSECONDS.toMillis(took));
    }

    /** How many compactions were installed since the journal opened; any thread. */
    long count() {
        return compactions.get();
    }

    /** Whether a compaction is under way; any thread. */
    boolean busy() {
        return compaction.busy();
    }

    /** Stops compacting; called once the writer thread has stopped. */
    void close() {
        compaction.close();
    }
}
