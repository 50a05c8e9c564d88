package io.warren.broker.store.journal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a journal write whose submitter waits for it at once ({@link JournalStore#writeAwaited}), and of
 * every stage that depends on it. Waiting on any of them ({@code get} or {@code join}) first offers the waiting
 * thread to the journal as its writer ({@link JournalWriter#help}): a lone synchronous producer then writes and
 * syncs its own message instead of waking the writer thread and being woken by it.
 *
 * @param <T> the stage's result
 */
final class AwaitedWrite<T> extends CompletableFuture<T> {
    private final JournalWriter writer;
    private final CompletableFuture<?> write;

    /** The future of the write itself. */
    AwaitedWrite(JournalWriter writer) {
        this.writer = writer;
        this.write = this;
    }

    private AwaitedWrite(JournalWriter writer, CompletableFuture<?> write) {
        this.writer = writer;
        this.write = write;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new AwaitedWrite<>(writer, write);
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        writer.help(write);
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        writer.help(write);
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        writer.help(write);
        return super.join();
    }
}
