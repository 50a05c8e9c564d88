package io.warren.jms.client;

import io.warren.thread.SignalledWorker;
import io.warren.thread.WarrenThreads;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread a session's message listeners run on, created when first needed and let go when idle. A drain
 * hands buffered messages to the listeners of the session's consumers, one consumer after the other, until
 * none has more; it runs again whenever a delivery arrives for a consumer with a listener.
 */
final class ListenerDispatcher {
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    /** The session whose message listener the current thread is running, if any. */
    private static final ThreadLocal<WarrenSession> IN_LISTENER = new ThreadLocal<>();

    private final WarrenSession session;
    private volatile SignalledWorker worker;

    ListenerDispatcher(WarrenSession session) {
        this.session = session;
    }

    /** The session whose listener runs on the current thread, or null. */
    static WarrenSession current() {
        return IN_LISTENER.get();
    }

    /** Asks the session thread to deliver buffered messages to listeners. */
    void scheduleDrain() {
        if (session.isClosed() || !session.connection().isStarted()) {
            return;
        }
        SignalledWorker w = worker;
        (w != null ? w : worker()).signal();
    }

    private synchronized SignalledWorker worker() {
        if (worker == null) {
            worker = new SignalledWorker(this::drain, "warren-session-" + THREAD_NUMBERS.incrementAndGet(), 30,
                    TimeUnit.SECONDS);
        }
        return worker;
    }

    /** A daemon thread that ends after 30 s without work. */
    static ExecutorService singleThread(String name) {
        ThreadPoolExecutor ex = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                WarrenThreads.named(name));
        ex.allowCoreThreadTimeOut(true);
        return ex;
    }

    private void drain() {
        boolean progress = true;
        while (progress && !session.isClosing() && session.connection().isStarted()) {
            progress = false;
            for (WarrenMessageConsumer c : session.consumers()) {
                if (c.dispatchOne()) {
                    progress = true;
                }
            }
        }
        if (!session.isClosed()) {
            session.flushLazyAcks();
        }
    }

    /** Runs a listener with the marker that lets nested calls detect they are inside it. */
    void run(MessageListener listener, Message message) {
        WarrenSession previous = IN_LISTENER.get();
        IN_LISTENER.set(session);
        try {
            listener.onMessage(message);
        } finally {
            IN_LISTENER.set(previous);
        }
    }

    synchronized void shutdown() {
        if (worker != null) {
            worker.shutdown();
        }
    }
}
