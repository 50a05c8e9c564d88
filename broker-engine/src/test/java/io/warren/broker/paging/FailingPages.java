package io.warren.broker.paging;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Makes a broker's {@link PageStore} fail writes on purpose, for tests of other packages: after a number of
 * appends, or for the appends a predicate picks. The failure is an {@link IOException} like the one a full disk
 * gives, which the store reports as a {@code STORE_ERROR}.
 */
public final class FailingPages {
    private final PageStore store;
    private final AtomicInteger appends = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private FailingPages(PageStore store) {
        this.store = store;
    }

    /** Lets {@code ok} appends succeed, then fails every later one until {@link #heal()}. */
    public static FailingPages failAfter(PageStore store, int ok) {
        return failWhen(store, n -> n > ok);
    }

    /** Fails the appends whose number (1 for the first after this call) {@code fails} picks. */
    public static FailingPages failWhen(PageStore store, IntPredicate fails) {
        FailingPages f = new FailingPages(store);
        store.faults((write, file) -> {
            if (write == PageFaults.Write.APPEND && fails.test(f.appends.incrementAndGet())) {
                f.failures.incrementAndGet();
                throw new IOException("No space left on device (injected): " + file.getFileName());
            }
        });
        return f;
    }

    /** Appends attempted since this was installed, failed ones included. */
    public int appends() {
        return appends.get();
    }

    /** Appends made to fail. */
    public int failures() {
        return failures.get();
    }

    /** Writes succeed again. */
    public void heal() {
        store.faults(null);
    }
}
