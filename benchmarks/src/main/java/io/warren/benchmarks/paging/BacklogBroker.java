package io.warren.benchmarks.paging;

import jakarta.jms.ConnectionFactory;

/**
 * The broker a backlog run measures, embedded in the run's JVM with its data in a directory of its own: started,
 * stopped and started again on the same data (recovery), and asked how deep a queue is. Two implementations:
 * Warren's {@code vm://} broker ({@link WarrenBacklogBroker}) and ActiveMQ Artemis with address paging (in the
 * {@code peers} source set, loaded by name). Used from the run's one thread.
 */
public interface BacklogBroker {
    /** Short name as the report prints it, e.g. {@code warren}. */
    String kind();

    /**
     * Starts the broker, recovering whatever its data directory holds, and returns a factory for connections to
     * it. Returns once the broker accepts connections.
     */
    ConnectionFactory start() throws Exception;

    /** Messages ready on the queue now (not counting those delivered and unacknowledged); 0 for no such queue. */
    long depth(String queue) throws Exception;

    /** Stops the broker; its durable state stays on disk. Idempotent. */
    void stop() throws Exception;
}
