package io.warren.server.config;

/**
 * How much heap queued messages may occupy before publishers are held back, RabbitMQ's
 * {@code vm_memory_high_watermark}: an absolute size or a fraction of the JVM's maximum heap ({@code -Xmx})
 * rather than of the machine's RAM. Immutable.
 *
 * @param absoluteBytes the limit in bytes, or 0 when relative
 * @param fraction      the share of the maximum heap, or 0 when absolute
 */
public record MemoryLimit(long absoluteBytes, double fraction) {

    /** A limit of {@code bytes}. */
    public static MemoryLimit absolute(long bytes) {
        return new MemoryLimit(bytes, 0);
    }

    /** A limit of {@code fraction} of the maximum heap. */
    public static MemoryLimit relative(double fraction) {
        return new MemoryLimit(0, fraction);
    }

    /** The limit in bytes for a JVM whose maximum heap is {@code maxHeap}; at least 1. */
    public long bytes(long maxHeap) {
        return absoluteBytes > 0 ? absoluteBytes : Math.max(1, (long) (maxHeap * fraction));
    }
}
