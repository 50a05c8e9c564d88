package io.warren.jms.transport.amqp;

import com.rabbitmq.client.ConfirmListener;
import io.warren.jms.transport.PublishOutcome;
import jakarta.jms.JMSException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The publishes of a confirm-mode channel waiting for the broker's {@code basic.ack} (stored: accepted) or
 * {@code basic.nack} (refused by a full queue), by publish sequence number. A confirm with {@code multiple}
 * settles every earlier publish too.
 */
final class PublishConfirms implements ConfirmListener {
    private final ConcurrentNavigableMap<Long, CompletableFuture<PublishOutcome>> pending =
            new ConcurrentSkipListMap<>();

    CompletableFuture<PublishOutcome> register(long sequence) {
        CompletableFuture<PublishOutcome> f = new CompletableFuture<>();
        pending.put(sequence, f);
        return f;
    }

    /** A publish that never reached the broker. */
    void forget(long sequence) {
        pending.remove(sequence);
    }

    @Override
    public void handleAck(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, PublishOutcome.ACCEPTED);
    }

    @Override
    public void handleNack(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, PublishOutcome.REJECTED);
    }

    private void settle(long tag, boolean multiple, PublishOutcome outcome) {
        if (multiple) {
            Map<Long, CompletableFuture<PublishOutcome>> head = pending.headMap(tag, true);
            for (CompletableFuture<PublishOutcome> f : head.values()) {
                f.complete(outcome);
            }
            head.clear();
        } else {
            CompletableFuture<PublishOutcome> f = pending.remove(tag);
            if (f != null) {
                f.complete(outcome);
            }
        }
    }

    /** The channel closed: publishes not confirmed will never be; they fail with {@code cause}. */
    void failAll(JMSException cause) {
        for (CompletableFuture<PublishOutcome> f : pending.values()) {
            f.completeExceptionally(new CompletionException(cause));
        }
        pending.clear();
    }
}
