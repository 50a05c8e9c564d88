package io.warren.broker.store.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Measures how fast the disk under a directory completes syncs, which bounds how many group commits per
 * second a {@link JournalStore} with {@link SyncPolicy#ALWAYS} can do. Benchmarks print it next to their
 * results.
 */
public final class DiskProbe {
    private static final int BLOCK = 4096;
    private static final long WRAP_AT = 64L << 20;

    private DiskProbe() {
    }

    /**
     * Appends 4 KiB blocks to a scratch file in {@code directory}, forcing each to disk, for about
     * {@code duration}; returns the syncs per second. The scratch file is deleted afterwards.
     */
    public static double measureFsyncRate(Path directory, Duration duration) {
        Path file = null;
        try {
            file = Files.createTempFile(directory, "warren-fsync-probe", ".tmp");
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            long syncs = 0;
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            long now;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                long position = 0;
                do {
                    if (position >= WRAP_AT) {
                        ch.truncate(0);
                        position = 0;
                    }
                    block.clear();
                    while (block.hasRemaining()) {
                        position += ch.write(block, position);
                    }
                    ch.force(false);
                    syncs++;
                    now = System.nanoTime();
                } while (now < deadline);
            }
            return syncs * 1e9 / (now - started);
        } catch (IOException e) {
            throw new UncheckedIOException("measuring the sync rate in " + directory + " failed", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a scratch file in a temp location
                }
            }
        }
    }
}
