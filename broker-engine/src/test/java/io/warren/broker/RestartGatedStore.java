package io.warren.broker;

import io.warren.message.Message;
import io.warren.broker.store.ForwardingRecoveryHandler;
import io.warren.broker.store.ForwardingStore;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.journal.JournalStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A journal store that makes one interleaving of recovery and the broker's timers happen every time: after it
 * has replayed the first message of {@code gateQueue} it waits (at most {@link #GATE_MILLIS}) for the broker to
 * write something, and a write that arrives while the store is opening is held until the journal has opened.
 * That is a schedule the real store allows (a timer thread that reaches {@code write} just as the journal opens);
 * the gate only makes it certain.
 */
final class RestartGatedStore extends ForwardingStore {
    static final long GATE_MILLIS = 1_000;

    private final String gateQueue;
    private final CountDownLatch writeArrived = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile boolean opening = true;
    private volatile boolean writeDuringOpen;

    RestartGatedStore(Path directory, String gateQueue) {
        super(new JournalStore(directory));
        this.gateQueue = gateQueue;
    }

    /** Whether the broker wrote while the store was still replaying. */
    boolean wroteDuringOpen() {
        return writeDuringOpen;
    }

    @Override
    public long open(RecoveryHandler handler) {
        try {
            return delegate.open(new ForwardingRecoveryHandler(handler) {
                private boolean gated;

                @Override
                public void message(String virtualHost, String queue, long messageId, Message message,
                                    int deliveryCount) {
                    super.message(virtualHost, queue, messageId, message, deliveryCount);
                    gate(queue);
                }

                @Override
                public void message(String virtualHost, String queue, long messageId, Message message,
                                    int deliveryCount, long enqueuedAt) {
                    super.message(virtualHost, queue, messageId, message, deliveryCount, enqueuedAt);
                    gate(queue);
                }

                @Override
                public void message(String virtualHost, String queue, MessageSummary summary, int deliveryCount,
                                    long enqueuedAt) {
                    super.message(virtualHost, queue, summary, deliveryCount, enqueuedAt);
                    gate(queue);
                }

                private void gate(String queue) {
                    if (!gated && queue.equals(gateQueue)) {
                        gated = true;
                        awaitQuietly(writeArrived);
                    }
                }
            });
        } finally {
            opening = false;
            opened.countDown();
        }
    }

    @Override
    public CompletableFuture<Void> write(StoreBatch batch) {
        if (opening) {
            writeDuringOpen = true;
            writeArrived.countDown();
            awaitQuietly(opened);
        }
        return delegate.write(batch);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(GATE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isDurable() {
        return true;
    }
}
