package io.warren.broker.queue;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must run only once the current thread holds no queue lock: dead-lettering, deleting unused
 * queues, telling consumers they were cancelled. Running such work under a queue lock could take other
 * queues' locks out of order and deadlock. Each thread counts the queue locks it holds; the last unlock
 * runs what was deferred.
 */
final class DeferredActions {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredActions.class);
    private static final ThreadLocal<DeferredActions> CURRENT = ThreadLocal.withInitial(DeferredActions::new);

    private int depth;
    private final ArrayDeque<Runnable> actions = new ArrayDeque<>();

    static DeferredActions current() {
        return CURRENT.get();
    }

    void entered() {
        depth++;
    }

    /** Called after a queue lock was released; runs deferred work when it was the last one held. */
    void exited() {
        depth--;
        if (depth == 0 && !actions.isEmpty()) {
            Runnable r;
            while ((r = actions.poll()) != null) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // One failed dead-lettering or deletion must not strand the work queued behind it.
                    LOG.warn("deferred queue work failed", e);
                }
            }
        }
    }

    void defer(Runnable action) {
        actions.add(action);
    }
}
