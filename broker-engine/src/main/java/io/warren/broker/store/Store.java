package io.warren.broker.store;

import io.warren.message.Message;
import java.util.concurrent.CompletableFuture;

/**
 * Where durable entities and persistent messages live. The broker writes every change to durable state as a
 * {@link StoreBatch}; the returned future completes once the batch is durable (for a disk store: fsynced),
 * or exceptionally with a {@link io.warren.broker.BrokerException} of code {@code STORE_ERROR}. Batches are
 * applied in the order {@link #write} is called. Implementations must allow concurrent writers and should
 * let them share one sync (group commit).
 */
public interface Store extends AutoCloseable {

    /**
     * Opens the store and replays the durable state into {@code handler} before returning. Called once, before
     * any write.
     *
     * @return the highest message id the store has seen, so the broker continues numbering after it
     */
    long open(RecoveryHandler handler);

    /** Writes a batch atomically; the future completes when it is durable. */
    CompletableFuture<Void> write(StoreBatch batch);

    /**
     * Writes a batch that nothing waits for at once, such as the dequeue of an acknowledged message: as
     * {@link #write}, in the same order with the other writes, but a disk store may hold back the sync that makes
     * it durable for a moment, so that a write somebody waits for shortly after shares that sync instead of
     * waiting for one of its own.
     */
    default CompletableFuture<Void> writeLazily(StoreBatch batch) {
        return write(batch);
    }

    /**
     * Writes a batch whose caller waits for it straight away, on the returned future or on a stage that depends on
     * it ({@code get} or {@code join}): as {@link #write}, in the same order with the other writes, but a disk store
     * may leave the write to the waiting thread instead of handing it to a writer thread and back. A caller that
     * does not wait at once should use {@link #write}: its write may then start late.
     */
    default CompletableFuture<Void> writeAwaited(StoreBatch batch) {
        return write(batch);
    }

    /**
     * Reads back the content of a stored message that a queue still holds, from disk when the store keeps it
     * there: paged persistent messages and messages recovered with a {@link MessageSummary} only. Safe from any
     * thread, concurrently with writes; may block on I/O, so callers should not hold a lock others wait for.
     *
     * @throws io.warren.broker.BrokerException {@code STORE_ERROR} when no queue holds the message any more or
     *                                          its record cannot be read
     */
    Message read(long messageId);

    /** Whether anything written survives a restart of the process (false for the memory store). */
    boolean isDurable();

    /** Running totals of what the store wrote; {@link StoreStatistics#NONE} for a store that writes nothing. */
    default StoreStatistics statistics() {
        return StoreStatistics.NONE;
    }

    /** Registers an observer of syncs and compactions; a store that does neither never calls it. */
    default void addObserver(StoreObserver observer) {
    }

    /** Flushes outstanding writes and releases files and locks. */
    @Override
    void close();
}
