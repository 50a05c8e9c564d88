package io.warren.broker.store.journal;

import io.warren.broker.store.StoreOperation;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A batch waiting for the journal's writer, with the future to complete once it is durable; {@code lazy} when
 * nothing waits for that future at once ({@link io.warren.broker.store.Store#writeLazily}).
 */
record PendingWrite(List<StoreOperation> operations, CompletableFuture<Void> future, boolean lazy) {
    PendingWrite(List<StoreOperation> operations, CompletableFuture<Void> future) {
        this(operations, future, false);
    }
}
