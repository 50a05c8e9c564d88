package io.warren.server.flow;

import io.warren.broker.flow.MemoryGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ's resource alarms for the server: publishing stops while queued messages use the broker's memory
 * limit ({@link MemoryGuard}) or while the data directory's disk has less free space than the limit, and resumes
 * when both clear. Connections ask {@link #publishingAllowed()} before each publish and, when refused, register
 * a listener and stop reading (AMQP {@code connection.blocked}). Thread-safe; listeners run on the thread that
 * cleared the alarm and must not block.
 */
public final class ResourceAlarms {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceAlarms.class);

    private final MemoryGuard memory;
    private final LongSupplier freeSpace;
    private final long diskFreeLimit;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean diskLow;
    private final Runnable memoryCleared = this::cleared;

    /**
     * @param dataDirectory where the journal lives, or null for a broker without one (no disk alarm)
     * @param diskFreeLimit free bytes below which the disk alarm is on; 0 for none
     */
    public ResourceAlarms(MemoryGuard memory, Path dataDirectory, long diskFreeLimit) {
        this(memory, dataDirectory == null || diskFreeLimit == 0 ? null : () -> usableSpace(dataDirectory),
                diskFreeLimit);
    }

    /** With the free-space reading supplied (tests), or null for no disk alarm. */
    public ResourceAlarms(MemoryGuard memory, LongSupplier freeSpace, long diskFreeLimit) {
        this.memory = memory;
        this.freeSpace = freeSpace;
        this.diskFreeLimit = diskFreeLimit;
        memory.addCapacityListener(memoryCleared);
    }

    /** Stops listening to the broker's memory guard (the server is closing). */
    public void close() {
        memory.removeCapacityListener(memoryCleared);
        listeners.clear();
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            // An unreadable file store must not stop publishing; the journal reports real write failures.
            return Long.MAX_VALUE;
        }
    }

    /** Whether a publish may go ahead now. */
    public boolean publishingAllowed() {
        return !diskLow && memory.hasCapacity();
    }

    /** Why publishing is stopped, in the words RabbitMQ uses for {@code connection.blocked}. */
    public String reason() {
        return diskLow ? "low on disk" : "low on memory";
    }

    public boolean diskAlarm() {
        return diskLow;
    }

    /** Whether this server watches a disk at all. */
    public boolean watchesDisk() {
        return freeSpace != null;
    }

    /** Reads the free disk space and switches the disk alarm; the server calls it periodically. */
    public void checkDisk() {
        if (freeSpace == null) {
            return;
        }
        long free = freeSpace.getAsLong();
        boolean low = free < diskFreeLimit;
        if (low == diskLow) {
            return;
        }
        diskLow = low;
        if (low) {
            LOG.warn("disk alarm: {} bytes free, below the limit of {}; publishers are blocked", free, diskFreeLimit);
        } else {
            LOG.info("disk alarm cleared: {} bytes free", free);
            cleared();
        }
    }

    private void cleared() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /** Registers an action run whenever an alarm clears; check {@link #publishingAllowed()} after registering. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
