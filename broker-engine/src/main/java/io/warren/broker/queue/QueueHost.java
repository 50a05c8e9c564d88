package io.warren.broker.queue;

import io.warren.broker.flow.MemoryGuard;
import io.warren.broker.paging.PagingPolicy;
import io.warren.broker.store.Store;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** What a queue needs from the virtual host that owns it. */
public interface QueueHost {
    String virtualHostName();

    Store store();

    ScheduledExecutorService scheduler();

    /** Accounts the heap queued messages occupy. */
    MemoryGuard memory();

    /** When and where the host's queues page deep backlogs. */
    PagingPolicy paging();

    /** Current time in epoch milliseconds. */
    long now();

    /** Republishes dead letters to the queue's dead-letter exchange. Called without any queue lock. */
    void deadLetter(MessageQueue from, List<DeadLetter> letters);

    /** The queue became eligible for deletion (auto-delete, x-expires). Called without any queue lock. */
    void queueUnused(MessageQueue queue);
}
