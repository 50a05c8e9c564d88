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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's single writer. A group takes every batch waiting in the queue, encodes them into one buffer,
 * appends them with as few writes as the segment boundaries allow, syncs once according to the
 * {@link SyncPolicy}, and then completes their futures (group commit). Groups are written by whoever holds the
 * writer role, one at a time and in queue order: the writer thread, or a thread that waits for a write of its own
 * and finds no group under way ({@link #help}), which then spares the hand-off to the writer thread and back. Only
 * the writer thread starts a compaction, when live data has become a small part of the journal, and installs the
 * snapshot once the compaction thread has written it ({@link BackgroundCompaction}); every group indexes the records
 * it appends ({@link IndexBuilder}). Futures complete on the thread that wrote their group: dependent stages must
 * not block on the store.
 */
final class JournalWriter implements Runnable {
    /** Queued by {@link JournalStore#close()}: finish what came before, sync, and stop. */
    static final PendingWrite CLOSE = new PendingWrite(List.of(), new CompletableFuture<>());

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final int INITIAL_BUFFER = 64 << 10;
    /** At most this many batches are taken into one group, so that a group ends under any load. */
    private static final int MAX_GROUP = 1 << 16;
    /** Pending bytes are written out once they reach this, keeping the buffer small under large groups. */
    private static final int FLUSH_BYTES = 1 << 20;
    /** A buffer grown beyond this (by a large batch or a snapshot) is replaced by a small one. */
    private static final int RETAINED_BUFFER = 4 << 20;
    /**
     * How long an idle writer thread parks before it looks at the queue again unwoken: a lazy write, or one queued for
     * a waiter that then never came to write it ({@link WriteQueue#addQuietly}), waits this long at most.
     */
    static final long IDLE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** While a waiting thread wrote a group this recently, lazy writes wait quietly for the next one. */
    static final long HELPED_RECENTLY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final WriteQueue queue = new WriteQueue();
    /** Held while a group is written, and guards every field below that is not final or volatile. */
    private final ReentrantLock role = new ReentrantLock();
    /** Whether waiting threads may write groups: not when syncs wait for a window ({@link SyncPolicy#BATCHED}). */
    private final boolean helpers;
    private volatile Thread writerThread;
    /**
     * Set while groups hold writes of several waiting producers: the writer thread then writes every group, as it
     * starts the next one the moment a sync ends, where a waiting thread that wrote a group would first return to its
     * producer and leave the next group to a writer thread just woken.
     */
    private volatile boolean concurrentWaiters;
    /** When a waiting thread last wrote a group ({@link System#nanoTime()}). */
    private volatile long lastHelpedNanos = System.nanoTime() - HELPED_RECENTLY_NANOS;
    private final Path directory;
    private final JournalConfig config;
    private final LiveState state;
    private final SegmentLog log;
    private final CompactionScheduler compactions;
    private final List<PendingWrite> drained = new ArrayList<>();
    private final UnsyncedWrites unsynced;
    private final AtomicLong syncs = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder syncNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
    private final List<StoreObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ByteWriter buffer = new ByteWriter(INITIAL_BUFFER);
    /** Bytes of {@link #buffer} already written to the log. */
    private int flushed;
    /** Set once {@link #CLOSE} is written: later batches are refused, and the writer thread stops. */
    private boolean closed;
    private volatile BrokerException failure;

    JournalWriter(JournalConfig config, LiveState state, SegmentLog log, Compactor compactor, MessageReader reader,
                  SegmentChannels channels, CompactionHook hook, long snapshotOverhead) {
        this.directory = config.directory();
        this.config = config;
        this.state = state;
        this.log = log;
        BackgroundCompaction compaction = new BackgroundCompaction(config.directory(), compactor, state, reader,
                channels, config.syncPolicy() != SyncPolicy.NEVER, hook, queue::signal);
        this.compactions = new CompactionScheduler(config, state, log, compactor, compaction, observers,
                snapshotOverhead);
        this.helpers = config.syncPolicy() != SyncPolicy.BATCHED;
        this.unsynced = new UnsyncedWrites(config.syncPolicy(), config.syncWindow().toNanos());
    }

    /** Queues a write and wakes the writer thread. */
    void submit(PendingWrite write) {
        queue.add(write);
    }

    /**
     * Queues a write whose submitter will wait for it at once, without waking the writer thread: the waiter's
     * {@link #help} writes it, or wakes the writer. Under {@link SyncPolicy#BATCHED} it wakes the writer at once.
     */
    void submitAwaited(PendingWrite write) {
        if (helpers) {
            queue.addQuietly(write);
        } else {
            queue.add(write);
        }
    }

    /**
     * Queues a lazy write. While waiting threads write groups themselves (one did within
     * {@link #HELPED_RECENTLY_NANOS}), it wakes nobody: the next group takes it, be it written for a waiting thread or
     * by the writer thread after at most {@link #IDLE_CHECK_NANOS}. A consumer's acknowledgements then share the
     * write and the sync of a synchronous producer's next message, and do not wake the writer thread to contend with
     * that producer for the writer role. Otherwise it wakes the writer thread, which writes it at once, off the path
     * of the next write somebody waits for.
     */
    void submitLazily(PendingWrite write) {
        if (helpers && System.nanoTime() - lastHelpedNanos < HELPED_RECENTLY_NANOS) {
            queue.addQuietly(write);
        } else {
            queue.add(write);
        }
    }

    /**
     * Offers the calling thread, which is about to wait for {@code target}, as the writer. If no group is under way,
     * it writes and syncs every queued batch itself, {@code target}'s among them; otherwise, or if it may not (it is
     * interrupted, or a stage of a write future it is completing waits on another), it makes sure the writer
     * thread will. Returns once {@code target} is complete or in the writer thread's hands.
     */
    void help(CompletableFuture<?> target) {
        if (target.isDone() || role.isHeldByCurrentThread() || Thread.currentThread() == writerThread) {
            return;
        }
        if (!helpers || concurrentWaiters || Thread.currentThread().isInterrupted() || !role.tryLock()) {
            queue.wake();
            return;
        }
        boolean handOver;
        try {
            if (!target.isDone()) {
                runGroup();
                lastHelpedNanos = System.nanoTime();
            }
            // Writes queued meanwhile need no hand-over: their submitters woke the writer thread, will write them,
            // or are lazy.
            handOver = !unsynced.isEmpty() || closed || failure == null && compactions.due();
        } finally {
            role.unlock();
        }
        if (handOver) {
            queue.signal();
        }
    }

    /** Whether the calling thread is writing a group (and completing its futures). */
    boolean writingOnThisThread() {
        return role.isHeldByCurrentThread() || Thread.currentThread() == writerThread;
    }

    /** Takes back a write the writer has not seen yet; true if it was still queued. */
    boolean withdraw(PendingWrite write) {
        return queue.remove(write);
    }

    /** Fails whatever is still queued; called once the writer thread has stopped. */
    void failQueued(BrokerException error) {
        role.lock();
        try {
            closed = true;
            for (PendingWrite w; (w = queue.poll()) != null; ) {
                w.future().completeExceptionally(error);
            }
        } finally {
            role.unlock();
        }
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
        return compactions.count();
    }

    StoreStatistics statistics() {
        return new StoreStatistics(batches.sum(), log.appendedBytes(), syncs.get(), syncNanos.sum(),
                compactions.count(), log.journalBytes());
    }

    void addObserver(StoreObserver observer) {
        observers.add(observer);
    }

    @Override
    public void run() {
        writerThread = Thread.currentThread();
        boolean timed = false;
        long due = 0;
        while (true) {
            long wait = timed ? due - System.nanoTime() : IDLE_CHECK_NANOS;
            if (wait > 0 && !queue.hasWork()) {
                queue.await(wait);
                if (Thread.interrupted()) {
                    LOG.warn("Journal writer for {} was interrupted; it keeps running until the store closes",
                            directory);
                }
            }
            role.lock();
            try {
                queue.takeSignal();
                if (closed || runGroup()) {
                    return;
                }
                try {
                    maybeCompact();
                } catch (RuntimeException | Error e) {
                    failUnexpectedly(e);
                }
                timed = unsynced.waiting();
                due = unsynced.deadline();
            } finally {
                role.unlock();
            }
        }
    }

    /**
     * Writes every queued batch and syncs as the policy says, holding the role; returns true if the group closed
     * the store.
     */
    private boolean runGroup() {
        boolean closing = false;
        try {
            for (PendingWrite w; drained.size() < MAX_GROUP && (w = queue.poll()) != null; ) {
                drained.add(w);
            }
            if (!drained.isEmpty()) {
                closing = writeGroup();
            }
            finishGroup(closing);
        } catch (RuntimeException | Error e) {
            failUnexpectedly(e);
            for (PendingWrite w : drained) {
                if (w == CLOSE) {
                    closed = true;
                    closing = true;
                }
                w.future().completeExceptionally(failure);
            }
        } finally {
            drained.clear();
        }
        return closing;
    }

    /** A bug or an error of the JVM: the store accepts no more writes. */
    private void failUnexpectedly(Throwable e) {
        LOG.error("Journal writer for {} failed", directory, e);
        enterFailed(new BrokerException(ErrorCode.STORE_ERROR, "journal writer for " + directory + " failed: " + e,
                e));
    }

    /** Appends the drained batches; returns true when the store is closing. */
    private boolean writeGroup() {
        boolean closing = false;
        int waited = 0;
        for (PendingWrite w : drained) {
            if (!w.lazy() && w != CLOSE) {
                waited++;
            }
            if (w == CLOSE) {
                closing = true;
                closed = true;
            } else if (closed) {
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
        if (waited > 0) {
            concurrentWaiters = waited > 1;
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
        unsynced.add(w.future(), w.lazy());
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
        if (unsynced.syncDue(closing)) {
            long before = System.nanoTime();
            try {
                log.sync();
            } catch (IOException e) {
                enterFailed(ioError(e));
                return;
            }
            long after = System.nanoTime();
            unsynced.synced(after);
            syncNanos.add(after - before);
            syncs.incrementAndGet();
            for (StoreObserver o : observers) {
                o.synced(after - before);
            }
        } else if (!unsynced.needNoSync()) {
            return;
        }
        unsynced.complete();
    }

    /** Between groups, when everything applied is durable: lets the scheduler install or start a compaction. */
    private void maybeCompact() {
        if (failure != null || !unsynced.isEmpty()) {
            return;
        }
        try {
            compactions.run();
        } catch (IOException e) {
            enterFailed(ioError(e));
        }
    }

    boolean compacting() {
        return compactions.busy();
    }

    /** Stops compacting; called once the writer thread has stopped. */
    void closeCompaction() {
        compactions.close();
    }

    private void enterFailed(BrokerException error) {
        if (failure == null) {
            failure = error;
            LOG.error("Journal in {} stopped accepting writes: {}", directory, error.getMessage(), error.getCause());
        }
        unsynced.fail(error);
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
