package io.warren.broker.store.journal;

import io.warren.thread.WarrenThreads;
import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.store.RecoveryHandler;
import io.warren.message.Message;
import io.warren.broker.store.Store;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreObserver;
import io.warren.broker.store.StoreOperation;
import io.warren.broker.store.StoreStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default durable {@link Store}: an append-only journal of checksummed records in segment files, with
 * group commit, crash recovery and compaction.
 *
 * <p><b>Writing.</b> {@link #write} may be called from any number of threads; it only queues the batch. One
 * writer thread appends every queued batch as one record each, forces the file once for all of them as the
 * {@link SyncPolicy} says, and then completes their futures in the order they were written. A thread that waits
 * for a write queued with {@link #writeAwaited} does that work itself when the writer thread is idle, unless the
 * policy is {@link SyncPolicy#BATCHED}. The futures complete on the thread that wrote them, so stages attached to
 * them without an executor must be quick and must never wait for another write of this store. The journal's file
 * I/O survives interrupts of the threads doing it ({@link InterruptSafeChannel}). A batch is rejected (its future
 * fails with {@code STORE_ERROR}) if it enqueues a message that was never stored or holds argument values the codec
 * cannot encode. An I/O error fails the affected futures and every later write.
 *
 * <p><b>Recovery.</b> {@link #open} locks the data directory against other brokers, reads the segments,
 * cuts off a torn tail of the last one (a write the crash interrupted, which was never acknowledged) and
 * refuses to start on damage anywhere else, naming the file and offset.
 *
 * <p><b>Reading.</b> The store keeps no message content in memory, only where each live message is on disk and
 * which queues hold it; {@link #read} reads the content back with a positional read and checks its checksum.
 *
 * <p><b>Recovery</b> reads each sealed segment's index rather than the segment, so it takes time in proportion to
 * the number of records, not their bytes; only the last segment, and one whose index is missing or damaged, is
 * scanned. Messages are replayed to the handler as {@link io.warren.broker.store.MessageSummary summaries}; the
 * handler may {@link #read} them while it is called.
 *
 * <p><b>Compaction.</b> Once the journal is at least {@link JournalConfig#compactionMinBytes()} and the estimated
 * snapshot (live messages times their average size, plus what the previous snapshot held besides them) is at most
 * {@link JournalConfig#compactionLiveRatio()} of it, the writer seals the active segment and a compaction thread
 * copies the live messages of every sealed segment, from disk, into a snapshot segment, while writers go on
 * appending. The writer then renames the snapshot into place (a pause for writers of a rename, not of a copy),
 * and the old segments are deleted once every message points at its copy. A crash at any point recovers the same
 * state. {@link #close} stops a compaction under way; its files are deleted.
 *
 * <p>The on-disk format is described in {@code JournalFormat}.
 */
public final class JournalStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(JournalStore.class);

    private enum Phase { NEW, OPEN, CLOSED }

    private final JournalConfig config;
    private final ChannelOpener opener;
    private final CompactionHook hook;
    private final InFlightMessages inFlight = new InFlightMessages();
    private volatile Phase phase = Phase.NEW;
    private DirectoryLock lock;
    private SegmentLog log;
    private volatile JournalWriter writer;
    private final List<StoreObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Thread writerThread;
    private SegmentChannels readChannels;
    /** Set once recovery has rebuilt the message table, so the recovery handler may read already. */
    private volatile MessageReader reader;

    public JournalStore(JournalConfig config) {
        this(config, ChannelOpener.DEFAULT);
    }

    /** A store with the default settings ({@link JournalConfig#of}) in {@code directory}. */
    public JournalStore(Path directory) {
        this(JournalConfig.of(directory));
    }

    JournalStore(JournalConfig config, ChannelOpener opener) {
        this(config, opener, CompactionHook.NONE);
    }

    JournalStore(JournalConfig config, ChannelOpener opener, CompactionHook hook) {
        this.config = Objects.requireNonNull(config, "config");
        this.opener = opener;
        this.hook = hook;
    }

    public JournalConfig config() {
        return config;
    }

    /**
     * Opens the journal: locks the data directory (a {@code STORE_ERROR} if another broker holds it), recovers
     * the state, replays it into {@code handler} and starts the writer thread.
     */
    @Override
    public synchronized long open(RecoveryHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (phase != Phase.NEW) {
            throw BrokerException.illegalState("the journal store in " + config.directory() + " was already "
                    + (phase == Phase.OPEN ? "opened" : "closed"));
        }
        Path directory = config.directory();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            phase = Phase.CLOSED;
            throw new BrokerException(ErrorCode.STORE_ERROR, "cannot create data directory " + directory + ": " + e, e);
        }
        DirectoryLock acquired;
        try {
            acquired = DirectoryLock.acquire(directory);
        } catch (RuntimeException e) {
            phase = Phase.CLOSED;
            throw e;
        }
        SegmentLog segments = null;
        try {
            long started = System.nanoTime();
            RecoveredJournal recovered = JournalRecovery.recover(directory);
            boolean sync = config.syncPolicy() != SyncPolicy.NEVER;
            try {
                segments = new SegmentLog(directory, opener, sync, config.segmentSize(), recovered.segments(),
                        recovered.activeIndex());
            } catch (IOException | RuntimeException e) {
                if (recovered.activeIndex() != null) {
                    recovered.activeIndex().abandon();
                }
                throw e;
            }
            readChannels = new SegmentChannels(directory);
            MessageReader r = new MessageReader(directory, recovered.state().table(), readChannels);
            reader = r;
            recovered.state().replay(handler);
            JournalWriter w = new JournalWriter(config, recovered.state(), segments,
                    new Compactor(directory, opener, sync), r, readChannels, hook, recovered.snapshotOverhead());
            observers.forEach(w::addObserver);
            Thread t = WarrenThreads.newThread(w, "warren-journal-writer-" + directory.getFileName());
            t.start();
            lock = acquired;
            log = segments;
            writer = w;
            writerThread = t;
            phase = Phase.OPEN;
            LOG.info("Opened journal in {}: {} messages, {} segment bytes, {} of {} segments recovered from their "
                    + "index, in {} ms", directory, recovered.state().messageCount(), segments.journalBytes(),
                    recovered.indexedSegments(), recovered.segments().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return recovered.state().highestMessageId();
        } catch (IOException e) {
            abandonOpen(segments, acquired, e);
            throw new BrokerException(ErrorCode.STORE_ERROR, "cannot open the journal in " + directory + ": " + e, e);
        } catch (RuntimeException | Error e) {
            abandonOpen(segments, acquired, e);
            throw e;
        }
    }

    private void abandonOpen(SegmentLog segments, DirectoryLock acquired, Throwable cause) {
        phase = Phase.CLOSED;
        reader = null;
        if (readChannels != null) {
            readChannels.close();
        }
        if (segments != null) {
            try {
                segments.close();
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
        acquired.close();
    }

    /**
     * Queues {@code batch}; the future completes once it is on disk as the sync policy defines, or fails with a
     * {@code STORE_ERROR}. The batch is copied, so the caller may reuse it. An empty batch writes nothing and
     * completes once everything written before it is durable.
     */
    @Override
    public CompletableFuture<Void> write(StoreBatch batch) {
        return submit(batch, false);
    }

    /**
     * As {@link #write}, but the batch waits in the queue for the next group, of a write somebody waits for or the
     * writer thread's idle check ({@link JournalWriter#IDLE_CHECK_NANOS}); under {@link SyncPolicy#ALWAYS} a sync
     * for lazy batches alone then waits up to {@link UnsyncedWrites#LAZY_SYNC_DELAY_NANOS} for a write that shares
     * it.
     */
    @Override
    public CompletableFuture<Void> writeLazily(StoreBatch batch) {
        return submit(batch, true);
    }

    /**
     * As {@link #write}, for a caller that waits for the future (or a stage depending on it) straight away: the
     * waiting thread writes the batch itself if the writer thread is idle ({@link AwaitedWrite}). A write nobody
     * waits for is still written, by the writer thread within {@link JournalWriter#IDLE_CHECK_NANOS}.
     */
    @Override
    public CompletableFuture<Void> writeAwaited(StoreBatch batch) {
        return submit(batch, false, true);
    }

    private CompletableFuture<Void> submit(StoreBatch batch, boolean lazy) {
        return submit(batch, lazy, false);
    }

    private CompletableFuture<Void> submit(StoreBatch batch, boolean lazy, boolean awaited) {
        Objects.requireNonNull(batch, "batch");
        if (phase != Phase.OPEN) {
            return CompletableFuture.failedFuture(notOpen());
        }
        JournalWriter w = writer;
        CompletableFuture<Void> future = awaited ? new AwaitedWrite<>(w) : new CompletableFuture<>();
        BrokerException failure = w.failure();
        if (failure != null) {
            future.completeExceptionally(new BrokerException(ErrorCode.STORE_ERROR, "the journal store in "
                    + config.directory() + " failed earlier and accepts no more writes: " + failure.getMessage(),
                    failure));
            return future;
        }
        List<StoreOperation> ops;
        try {
            ops = List.copyOf(batch.operations());
        } catch (NullPointerException e) {
            future.completeExceptionally(new BrokerException(ErrorCode.STORE_ERROR,
                    "cannot store batch: it contains a null operation"));
            return future;
        }
        PendingWrite pending = new PendingWrite(ops, future, lazy);
        inFlight.track(ops, future);
        if (awaited) {
            w.submitAwaited(pending);
        } else if (lazy) {
            w.submitLazily(pending);
        } else {
            w.submit(pending);
        }
        if (phase != Phase.OPEN && w.withdraw(pending)) {
            future.completeExceptionally(notOpen());
        }
        return future;
    }

    private BrokerException notOpen() {
        return new BrokerException(ErrorCode.STORE_ERROR, "the journal store in " + config.directory() + " is "
                + (phase == Phase.NEW ? "not open yet" : "closed"));
    }

    /**
     * Reads a stored message some queue holds back from its segment, from any thread, concurrently with writes and
     * compaction. A message whose write is still under way is answered from memory. Works from the moment recovery
     * replays messages into the handler until the store closes.
     *
     * @throws BrokerException {@code STORE_ERROR} naming the id if no queue holds the message, naming segment and
     *                         offset if its record fails its checksum or cannot be read
     */
    @Override
    public Message read(long messageId) {
        Message pending = inFlight.get(messageId);
        if (pending != null) {
            return pending;
        }
        MessageReader r = reader;
        if (r == null || phase == Phase.CLOSED) {
            throw new BrokerException(ErrorCode.STORE_ERROR, "cannot read message " + messageId + ": "
                    + notOpen().getMessage());
        }
        return r.read(messageId);
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    /** How many writes wait for the writer thread to take them (tests). */
    int queuedWrites() {
        JournalWriter w = writer;
        return w == null ? 0 : w.queued();
    }

    /** How many times the journal was forced to disk; fewer than the writes when writers share syncs. */
    public long syncCount() {
        JournalWriter w = writer;
        return w == null ? 0 : w.syncCount();
    }

    @Override
    public StoreStatistics statistics() {
        JournalWriter w = writer;
        return w == null ? StoreStatistics.NONE : w.statistics();
    }

    @Override
    public synchronized void addObserver(StoreObserver observer) {
        observers.add(observer);
        JournalWriter w = writer;
        if (w != null) {
            w.addObserver(observer);
        }
    }

    /** Whether a compaction is under way (for tests: compaction runs beside the writer). */
    boolean compacting() {
        JournalWriter w = writer;
        return w != null && w.compacting();
    }

    /** How many times the journal was compacted since it opened. */
    public long compactionCount() {
        JournalWriter w = writer;
        return w == null ? 0 : w.compactionCount();
    }

    /**
     * Writes out everything queued before this call and syncs it (unless the policy is
     * {@link SyncPolicy#NEVER}), closes the files and releases the directory lock. Writes queued afterwards fail
     * with {@code STORE_ERROR}. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (Thread.currentThread() == writerThread || writer != null && writer.writingOnThisThread()) {
            throw BrokerException.illegalState("the journal store in " + config.directory() + " cannot be closed "
                    + "from a stage of one of its own write futures; close it from another thread");
        }
        if (phase != Phase.OPEN) {
            phase = Phase.CLOSED;
            return;
        }
        phase = Phase.CLOSED;
        writer.submit(JournalWriter.CLOSE);
        boolean interrupted = false;
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        writer.closeCompaction();
        writer.failQueued(notOpen());
        reader = null;
        readChannels.close();
        try {
            log.close();
        } catch (IOException e) {
            LOG.warn("Closing the journal segment {} failed: {}", log.activePath(), e.toString());
        }
        lock.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
