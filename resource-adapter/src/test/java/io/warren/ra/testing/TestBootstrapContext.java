package io.warren.ra.testing;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A server's bootstrap context in miniature: a work manager on a thread pool, daemon timers, no XA terminator. */
public final class TestBootstrapContext implements BootstrapContext, AutoCloseable {
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-work");
        t.setDaemon(true);
        return t;
    });

    @Override
    public WorkManager getWorkManager() {
        return new WorkManager() {
            @Override
            public void doWork(Work work) {
                work.run();
            }

            @Override
            public void doWork(Work work, long startTimeout, ExecutionContext ctx, WorkListener listener) {
                work.run();
            }

            @Override
            public long startWork(Work work) {
                executor.execute(work);
                return 0;
            }

            @Override
            public long startWork(Work work, long startTimeout, ExecutionContext ctx, WorkListener listener) {
                executor.execute(work);
                return 0;
            }

            @Override
            public void scheduleWork(Work work) {
                executor.execute(work);
            }

            @Override
            public void scheduleWork(Work work, long startTimeout, ExecutionContext ctx, WorkListener listener)
                    throws WorkException {
                executor.execute(work);
            }
        };
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() {
        return new Timer("test-ra-timer", true);
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return null;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
