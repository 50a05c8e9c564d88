package io.warren.jms.client;

import io.warren.jms.transport.PublishOutcome;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.ResourceAllocationException;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A session's asynchronous sends: calls each {@link CompletionListener} on the session's completion thread once
 * the broker confirmed the send, in send order (a persistent send waiting for the disk holds back the callbacks
 * of later sends that completed sooner), and lets commit, rollback and close wait for what is outstanding.
 */
final class AsyncSends {
    /** The session whose completion listener the current thread is running, if any. */
    private static final ThreadLocal<WarrenSession> RUNNING_FOR = new ThreadLocal<>();
    private static final long WAIT_MILLIS = 60_000;

    /** A send awaiting its completion callback. */
    private record Pending(CompletableFuture<PublishOutcome> future, Message message, CompletionListener listener) {
    }

    private final WarrenSession session;
    private final Supplier<ExecutorService> executor;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Object idle = new Object();

    /**
     * @param executor the session's completion thread, created on first use
     */
    AsyncSends(WarrenSession session, Supplier<ExecutorService> executor) {
        this.session = session;
        this.executor = executor;
    }

    /** The session whose completion listener runs on the current thread, or null. */
    static WarrenSession runningFor() {
        return RUNNING_FOR.get();
    }

    void track(CompletableFuture<PublishOutcome> future, Message message, CompletionListener listener) {
        outstanding.incrementAndGet();
        synchronized (queue) {
            queue.add(new Pending(future, message, listener));
        }
        ExecutorService ex = executor.get();
        future.whenComplete((result, failure) -> ex.execute(this::runCompletedInOrder));
    }

    /** On the completion thread: calls back every send at the head of the queue that has completed. */
    private void runCompletedInOrder() {
        while (true) {
            Pending p;
            synchronized (queue) {
                p = queue.peek();
                if (p == null || !p.future().isDone()) {
                    return;
                }
                queue.poll();
            }
            complete(p);
        }
    }

    private void complete(Pending p) {
        RUNNING_FOR.set(session);
        try {
            PublishOutcome result = p.future().getNow(null);
            if (result == PublishOutcome.REJECTED) {
                p.listener().onException(p.message(), new ResourceAllocationException(
                        "a full queue (x-overflow reject-publish) refused the message"));
            } else {
                p.listener().onCompletion(p.message());
            }
        } catch (CompletionException | CancellationException e) {
            Throwable failure = e.getCause() != null ? e.getCause() : e;
            try {
                p.listener().onException(p.message(), JmsExceptions.withCause(
                        new JMSException("send failed: " + failure.getMessage()), failure));
            } catch (RuntimeException | Error listenerFailure) {
                rethrowIfFatal(listenerFailure);
            }
        } catch (RuntimeException | Error listenerFailure) {
            // a failing listener must not stop later completions
            rethrowIfFatal(listenerFailure);
        } finally {
            RUNNING_FOR.remove();
            if (outstanding.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }

    /** Waits until every tracked send was called back; a no-op on the completion thread itself. */
    void awaitOutstanding() throws JMSException {
        if (RUNNING_FOR.get() == session) {
            return;
        }
        synchronized (idle) {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (outstanding.get() > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new JMSException("asynchronous sends did not complete within " + WAIT_MILLIS / 1000 + " s");
                }
                try {
                    idle.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JMSException("interrupted while waiting for asynchronous sends");
                }
            }
        }
    }
}
