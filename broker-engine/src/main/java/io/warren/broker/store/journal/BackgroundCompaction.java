package io.warren.broker.store.journal;

import io.warren.broker.store.StoreOperation;
import io.warren.message.MessageCodec;
import io.warren.thread.WarrenThreads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a compaction on a thread of its own while the writer goes on appending, so writers never wait for a copy of
 * the live data. The writer plans it ({@link #start}), the compaction thread writes the snapshot ({@link Compactor})
 * and wakes the writer, the writer installs it at a moment when everything it applied is durable (a rename, a
 * change to its list of segments, and deleting the old segments, whose channels stay open) and hands back
 * ({@link #cleanUp}); the compaction thread then points every copied message at its copy and retires the old
 * segments' read channels. One compaction at a
 * time: {@link #busy} from start to clean-up.
 */
final class BackgroundCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundCompaction.class);

    private final Path directory;
    private final Compactor compactor;
    private final LiveState state;
    private final MessageReader reader;
    private final SegmentChannels channels;
    private final boolean syncMetadata;
    private final CompactionHook hook;
    private final Runnable wakeWriter;
    private final ExecutorService executor;
    /** A {@link Compactor.Snapshot} ready to install, or the exception that ended the copy. */
    private final AtomicReference<Object> outcome = new AtomicReference<>();
    private volatile boolean busy;
    private volatile boolean closing;

    BackgroundCompaction(Path directory, Compactor compactor, LiveState state, MessageReader reader,
                         SegmentChannels channels, boolean syncMetadata, CompactionHook hook, Runnable wakeWriter) {
        this.directory = directory;
        this.compactor = compactor;
        this.state = state;
        this.reader = reader;
        this.channels = channels;
        this.syncMetadata = syncMetadata;
        this.hook = hook;
        this.wakeWriter = wakeWriter;
        this.executor = Executors.newSingleThreadExecutor(
                WarrenThreads.named("warren-journal-compactor-" + directory.getFileName()));
    }

    /** Whether a compaction is under way, from {@link #start} until its clean-up is done. */
    boolean busy() {
        return busy;
    }

    /** Writer thread: starts copying what {@code plan} describes. */
    void start(Compactor.Plan plan) {
        busy = true;
        hook.reached(CompactionHook.Phase.PLANNED);
        executor.execute(() -> copy(plan));
    }

    private void copy(Compactor.Plan plan) {
        try {
            Compactor.Snapshot snapshot = compactor.write(plan, state, reader, () -> closing,
                    () -> hook.reached(CompactionHook.Phase.COPYING));
            hook.reached(CompactionHook.Phase.WRITTEN);
            outcome.set(snapshot);
        } catch (CancellationException e) {
            busy = false;
            return;
        } catch (IOException | RuntimeException e) {
            outcome.set(e);
        }
        wakeWriter.run();
    }

    /** Writer thread: the snapshot ready to install, the exception that ended the copy, or null. */
    Object takeOutcome() {
        return outcome.getAndSet(null);
    }

    /** Writer thread: the compaction ended without a snapshot installed. */
    void failed() {
        busy = false;
    }

    /**
     * Writer thread, once the snapshot is in place: moves the messages to their copies and deletes
     * {@code obsolete}, the segments it replaces, on the compaction thread.
     */
    void cleanUp(Compactor.Snapshot snapshot, List<SegmentFile> obsolete) {
        hook.reached(CompactionHook.Phase.INSTALLED);
        long sequence = snapshot.plan().snapshotSequence();
        // Deleted at once, as recovery would: readers go on through the channels held open until messages move.
        boolean held = channels.beginMove(obsolete);
        if (held) {
            SegmentLog.delete(directory, obsolete, syncMetadata);
        }
        executor.execute(() -> {
            boolean moved = false;
            try {
                relocate(snapshot.plan());
                moved = true;
                hook.reached(CompactionHook.Phase.RELOCATED);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Pointing messages at the compacted journal segment in {} failed; they are read from the "
                        + "old segments until the journal next opens: {}", directory, e.toString());
            } finally {
                channels.endMove(sequence, moved);
                if (moved && !held) {
                    SegmentLog.delete(directory, obsolete, syncMetadata);
                }
                hook.reached(CompactionHook.Phase.DONE);
                busy = false;
            }
        });
    }

    /** Points every message copied into the snapshot at its copy, reading where they are from its index. */
    private void relocate(Compactor.Plan plan) throws IOException {
        MessageTable table = state.table();
        IndexReader.replay(JournalFormat.indexPath(directory, plan.snapshotSequence()), new RecordSink() {
            @Override
            public void batchStart(long recordOffset) {
            }

            @Override
            public void stored(long messageId, long location, int length, MessageCodec.Header header) {
                table.relocate(messageId, plan.lastSequence(), location);
            }

            @Override
            public void operation(StoreOperation op, byte[] encoded, int from, int to) {
            }

            @Override
            public void batchEnd() {
            }

            @Override
            public void snapshotBegin(long highestMessageId) {
            }

            @Override
            public void snapshotEnd(int batches, long endOffset) {
            }
        });
    }

    /**
     * Stops a copy under way (its files are deleted), lets a clean-up under way finish, and discards a snapshot
     * written but not installed. Called once the writer has stopped.
     */
    @Override
    public void close() {
        closing = true;
        executor.shutdown();
        boolean interrupted = false;
        while (!executor.isTerminated()) {
            try {
                executor.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (outcome.getAndSet(null) instanceof Compactor.Snapshot snapshot) {
            compactor.discard(snapshot);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
