package io.warren.broker.store.journal;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.message.ByteWriter;
import io.warren.message.Message;
import io.warren.message.MessageCodec;
import io.warren.broker.store.StoreObserver;
import io.warren.broker.store.StoreOperation;
import io.warren.broker.store.StoreStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's single writer. It takes every batch waiting in its queue, encodes them into one buffer,
 * appends them with as few writes as the segment boundaries allow, syncs once according to the
 * {@link SyncPolicy}, and then completes their futures (group commit). Between groups it starts a compaction when
 * live data has become a small part of the journal, and installs the snapshot once the compaction thread has
 * written it ({@link BackgroundCompaction}); it indexes each record it appends ({@link IndexBuilder}). Futures
 * complete on this thread: dependent stages must not block on the store.
 */
final class JournalWriter implements Runnable {
    /** Queued by {@link JournalStore#close()}: finish what came before, sync, and stop. */
    static final PendingWrite CLOSE = new PendingWrite(List.of(), new CompletableFuture<>());
    /** Queued by the compaction thread when a snapshot is ready, so that an idle writer installs it. */
    private static final PendingWrite WAKE = new PendingWrite(List.of(), new CompletableFuture<>());

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final int INITIAL_BUFFER = 64 << 10;
    /** Pending bytes are written out once they reach this, keeping the buffer small under large groups. */
    private static final int FLUSH_BYTES = 1 << 20;
    /** A buffer grown beyond this (by a large batch or a snapshot) is replaced by a small one. */
    private static final int RETAINED_BUFFER = 4 << 20;
    /**
     * Under {@link SyncPolicy#ALWAYS}, how long a sync that only lazy writes need is held back for a write somebody
     * waits for: a consumer's acknowledgement then shares the sync of the producer's next send instead of making
     * that send wait for two.
     */
    static final long LAZY_SYNC_DELAY_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final BlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private final Path directory;
    private final JournalConfig config;
    private final LiveState state;
    private final SegmentLog log;
    private final Compactor compactor;
    private final BackgroundCompaction compaction;
    private final long syncWindowNanos;
    private final List<PendingWrite> drained = new ArrayList<>();
    /** Futures of batches written but not yet synced. */
    private final List<CompletableFuture<Void>> unsynced = new ArrayList<>();
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder syncNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
    private final List<StoreObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ByteWriter buffer = new ByteWriter(INITIAL_BUFFER);
    /** Bytes of {@link #buffer} already written to the log. */
    private int flushed;
    private long lastSyncNanos;
    /** Whether {@link #unsynced} holds the future of a write that is not lazy. */
    private boolean urgentUnsynced;
    /** Under {@link SyncPolicy#ALWAYS}, when the lazy writes in {@link #unsynced} are synced at the latest; 0: none. */
    private long lazySyncDue;
    /** What a snapshot holds besides message records, as measured by the last one. */
    private long snapshotOverhead;
    /** After a failed compaction, the journal size at which to try again. */
    private long retryCompactionAt;
    private volatile BrokerException failure;

    JournalWriter(JournalConfig config, LiveState state, SegmentLog log, Compactor compactor, MessageReader reader,
                  SegmentChannels channels, CompactionHook hook, long snapshotOverhead) {
        this.directory = config.directory();
        this.config = config;
        this.state = state;
        this.log = log;
        this.compactor = compactor;
        this.compaction = new BackgroundCompaction(config.directory(), compactor, state, reader, channels,
                config.syncPolicy() != SyncPolicy.NEVER, hook, () -> queue.add(WAKE));
        this.syncWindowNanos = config.syncWindow().toNanos();
        this.lastSyncNanos = System.nanoTime() - syncWindowNanos;
        this.snapshotOverhead = snapshotOverhead;
    }

    void submit(PendingWrite write) {
        queue.add(write);
    }

    /** Takes back a write the writer has not seen yet; true if it was still queued. */
    boolean withdraw(PendingWrite write) {
        return queue.remove(write);
    }

    /** Fails whatever is still queued; called once the writer thread has stopped. */
    void failQueued(BrokerException error) {
        List<PendingWrite> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.future().completeExceptionally(error));
    }

    /** Why the writer stopped accepting writes, or null while it is healthy. */
    BrokerException failure() {
        return failure;
    }

    int queued() {
        return queue.size();
    }

    long syncCount() {
        return syncs.get();
    }

    long compactionCount() {
        return compactions.get();
    }

    StoreStatistics statistics() {
        return new StoreStatistics(batches.sum(), log.appendedBytes(), syncs.get(), syncNanos.sum(),
                compactions.get(), log.journalBytes());
    }

    void addObserver(StoreObserver observer) {
        observers.add(observer);
    }

    @Override
    public void run() {
        boolean stop = false;
        while (!stop) {
            try {
                maybeCompact();
                PendingWrite first = awaitNext();
                if (first != null) {
                    drained.add(first);
                    queue.drainTo(drained);
                    stop = writeGroup();
                }
                finishGroup(stop);
            } catch (InterruptedException e) {
                LOG.warn("Journal writer for {} was interrupted; it keeps running until the store closes", directory);
            } catch (RuntimeException | Error e) {
                LOG.error("Journal writer for {} failed", directory, e);
                enterFailed(new BrokerException(ErrorCode.STORE_ERROR, "journal writer for " + directory
                        + " failed: " + e, e));
                for (PendingWrite w : drained) {
                    stop |= w == CLOSE;
                    w.future().completeExceptionally(failure);
                }
            } finally {
                drained.clear();
            }
        }
    }

    private PendingWrite awaitNext() throws InterruptedException {
        if (unsynced.isEmpty()) {
            return queue.take();
        }
        long due = config.syncPolicy() == SyncPolicy.ALWAYS ? lazySyncDue : lastSyncNanos + syncWindowNanos;
        long wait = due - System.nanoTime();
        return wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
    }

    /** Appends the drained batches; returns true when the store is closing. */
    private boolean writeGroup() {
        boolean closing = false;
        for (PendingWrite w : drained) {
            if (w == WAKE) {
                continue;
            }
            if (w == CLOSE) {
                closing = true;
            } else if (closing) {
                w.future().completeExceptionally(closedError());
            } else if (failure != null) {
                w.future().completeExceptionally(failure);
            } else {
                try {
                    append(w);
                } catch (IOException e) {
                    enterFailed(ioError(e));
                    w.future().completeExceptionally(failure);
                }
            }
        }
        if (failure == null) {
            try {
                flushPending();
            } catch (IOException e) {
                enterFailed(ioError(e));
            }
        }
        return closing;
    }

    private void append(PendingWrite w) throws IOException {
        batches.increment();
        List<StoreOperation> ops = w.operations();
        if (ops.isEmpty()) {
            awaitSync(w);
            return;
        }
        try {
            state.validate(ops);
        } catch (RuntimeException e) {
            reject(w, e);
            return;
        }
        int start = buffer.size();
        int[] opStarts = new int[ops.size()];
        try {
            RecordCodec.writeBatch(buffer, ops, opStarts);
        } catch (RuntimeException e) {
            discardFrom(start);
            reject(w, e);
            return;
        }
        long recordPosition = log.position() + (start - flushed);
        if (recordPosition > JournalFormat.SEGMENT_HEADER_SIZE
                && recordPosition + (buffer.size() - start) > config.segmentSize()) {
            log.append(buffer.array(), flushed, start - flushed);
            flushed = start;
            log.roll();
        }
        long base = log.position() - flushed;
        try {
            state.apply(ops, log.activeSequence(), base, opStarts, buffer.size());
        } catch (RuntimeException e) {
            discardFrom(start);
            BrokerException error = new BrokerException(ErrorCode.STORE_ERROR, "journal state in " + directory
                    + " became inconsistent applying a batch: " + e.getMessage(), e);
            w.future().completeExceptionally(error);
            enterFailed(error);
            return;
        }
        index(ops, base, start, opStarts);
        awaitSync(w);
        if (buffer.size() - flushed >= FLUSH_BYTES) {
            flushPending();
        }
    }

    private void awaitSync(PendingWrite w) {
        unsynced.add(w.future());
        urgentUnsynced |= !w.lazy();
    }

    /** Adds the record just encoded at {@code start} of the buffer to the active segment's index. */
    private void index(List<StoreOperation> ops, long base, int start, int[] opStarts) {
        IndexBuilder index = log.index();
        if (index == null) {
            return;
        }
        index.batchStart(base + start);
        for (int i = 0; i < ops.size(); i++) {
            int end = i + 1 < ops.size() ? opStarts[i + 1] : buffer.size();
            if (ops.get(i) instanceof StoreOperation.MessageStored m) {
                Message message = m.message();
                index.stored(m.messageId(), MessageLocation.of(log.activeSequence(), base + opStarts[i]),
                        end - opStarts[i], new MessageCodec.Header(message.priority(), message.expiration(),
                                message.deliveryTime(), message.bodySize()));
            } else {
                index.operation(buffer.array(), opStarts[i], end);
            }
        }
        try {
            index.batchEnd();
        } catch (IOException e) {
            log.dropIndex(e);
        }
    }

    /** Fails a batch that cannot be stored; logged too, because not every caller looks at the future. */
    private void reject(PendingWrite w, RuntimeException e) {
        BrokerException error = asStoreError(e);
        LOG.warn("Journal in {} rejected a batch of {} operations: {}", directory, w.operations().size(),
                error.getMessage());
        w.future().completeExceptionally(error);
    }

    /** Writes what precedes {@code start} and drops the rest of the buffer (a record that must not be written). */
    private void discardFrom(int start) throws IOException {
        log.append(buffer.array(), flushed, start - flushed);
        resetBuffer();
    }

    private void flushPending() throws IOException {
        if (buffer.size() > flushed) {
            log.append(buffer.array(), flushed, buffer.size() - flushed);
        }
        resetBuffer();
    }

    private void resetBuffer() {
        if (buffer.array().length > RETAINED_BUFFER) {
            buffer = new ByteWriter(INITIAL_BUFFER);
        }
        buffer.reset();
        flushed = 0;
    }

    /** Syncs if the policy says so now, then completes the futures the sync covers. */
    private void finishGroup(boolean closing) {
        if (failure != null || unsynced.isEmpty() && !closing) {
            return;
        }
        SyncPolicy policy = config.syncPolicy();
        boolean due = switch (policy) {
            case ALWAYS -> closing || urgentUnsynced || lazySyncDue();
            case BATCHED -> closing || System.nanoTime() - lastSyncNanos >= syncWindowNanos;
            case NEVER -> false;
        };
        if (due) {
            long before = System.nanoTime();
            try {
                log.sync();
            } catch (IOException e) {
                enterFailed(ioError(e));
                return;
            }
            lastSyncNanos = System.nanoTime();
            long took = lastSyncNanos - before;
            syncNanos.add(took);
            syncs.incrementAndGet();
            for (StoreObserver o : observers) {
                o.synced(took);
            }
        } else if (policy != SyncPolicy.NEVER) {
            return;
        }
        urgentUnsynced = false;
        lazySyncDue = 0;
        for (CompletableFuture<Void> f : unsynced) {
            f.complete(null);
        }
        unsynced.clear();
    }

    /** Whether lazy writes alone have waited long enough for their sync; starts their wait if they just came. */
    private boolean lazySyncDue() {
        long now = System.nanoTime();
        if (lazySyncDue == 0) {
            lazySyncDue = now + LAZY_SYNC_DELAY_NANOS;
            return false;
        }
        return now - lazySyncDue >= 0;
    }

    /**
     * Between groups, when everything applied is durable: installs a snapshot the compaction thread finished, and
     * starts a compaction when live data has become a small part of the journal.
     */
    private void maybeCompact() {
        if (failure != null || !unsynced.isEmpty()) {
            return;
        }
        Object outcome = compaction.takeOutcome();
        if (outcome instanceof Compactor.Snapshot snapshot) {
            install(snapshot);
        } else if (outcome instanceof Exception e) {
            LOG.warn("Compacting the journal in {} failed; continuing with the existing segments and trying again "
                    + "once the journal has doubled: {}", directory, e.toString());
            retryCompactionAt = 2 * log.journalBytes();
            compaction.failed();
        }
        if (compaction.busy() || failure != null) {
            return;
        }
        long journalBytes = log.journalBytes();
        long snapshotEstimate = state.liveMessageBytes() + snapshotOverhead;
        if (journalBytes < Math.max(config.compactionMinBytes(), retryCompactionAt)
                || snapshotEstimate > journalBytes * config.compactionLiveRatio()) {
            return;
        }
        List<StoreOperation> declarations = new ArrayList<>();
        state.entities().forEachDeclaration(declarations::add);
        List<StoreOperation> prepared = new ArrayList<>();
        state.entities().prepared().forEach(prepared::add);
        long last = log.activeSequence();
        long reserved;
        try {
            reserved = log.rollLeavingGap();
        } catch (IOException e) {
            enterFailed(ioError(e));
            return;
        }
        compaction.start(new Compactor.Plan(last, reserved, state.highestMessageId(), declarations, prepared,
                journalBytes, System.nanoTime()));
    }

    /** Renames the snapshot into place and stops counting the segments it replaces; a short pause for writers. */
    private void install(Compactor.Snapshot snapshot) {
        SegmentFile file;
        try {
            file = compactor.install(snapshot);
        } catch (IOException e) {
            LOG.warn("Installing the compacted journal segment in {} failed; continuing with the existing segments: "
                    + "{}", directory, e.toString());
            compactor.discard(snapshot);
            retryCompactionAt = 2 * log.journalBytes();
            compaction.failed();
            return;
        }
        List<SegmentFile> obsolete = log.installSnapshot(file);
        compaction.cleanUp(snapshot, obsolete);
        snapshotOverhead = Math.max(0, file.size() - state.liveMessageBytes());
        retryCompactionAt = 0;
        compactions.incrementAndGet();
        long took = System.nanoTime() - snapshot.plan().startedNanos();
        for (StoreObserver o : observers) {
            o.compacted(took, snapshot.plan().journalBytes(), log.journalBytes());
        }
        LOG.debug("Compacted the journal in {}: {} segments of {} bytes became a snapshot of {} bytes in {} ms",
                directory, obsolete.size(), snapshot.plan().journalBytes(), file.size(),
                TimeUnit.NANOSECONDS.toMillis(took));
    }

    boolean compacting() {
        return compaction.busy();
    }

    /** Stops compacting; called once the writer thread has stopped. */
    void closeCompaction() {
        compaction.close();
    }

    private void enterFailed(BrokerException error) {
        if (failure == null) {
            failure = error;
            LOG.error("Journal in {} stopped accepting writes: {}", directory, error.getMessage(), error.getCause());
        }
        for (CompletableFuture<Void> f : unsynced) {
            f.completeExceptionally(error);
        }
        unsynced.clear();
        urgentUnsynced = false;
        lazySyncDue = 0;
        buffer.reset();
        flushed = 0;
    }

    private BrokerException ioError(IOException e) {
        return new BrokerException(ErrorCode.STORE_ERROR, "writing the journal segment " + log.activePath()
                + " failed, the store accepts no more writes: " + e, e);
    }

    private BrokerException closedError() {
        return new BrokerException(ErrorCode.STORE_ERROR, "the journal store in " + directory + " is closed");
    }

    private static BrokerException asStoreError(RuntimeException e) {
        if (e instanceof BrokerException b && b.code() == ErrorCode.STORE_ERROR) {
            return b;
        }
        return new BrokerException(ErrorCode.STORE_ERROR, "cannot store batch: " + e.getMessage(), e);
    }
}
