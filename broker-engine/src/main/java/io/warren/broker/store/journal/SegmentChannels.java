package io.warren.broker.store.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read channels of the segments, opened on first use and shared by every reading thread (positional reads need no
 * lock). Compaction holds the channels of the segments it replaced open while it deletes their files and points
 * their messages at the copies ({@link #beginMove}), then retires them: their channels are closed, a read on one
 * fails with a {@link java.nio.channels.ClosedChannelException} and no retired segment is opened again, so a reader
 * looks its message up again and finds it where compaction moved it. A channel closed because a reading thread was
 * interrupted is reopened by the next reader (or, if its file is gone, the reader waits for the move to end).
 */
final class SegmentChannels implements Closeable {
    private final Path directory;
    private final Map<Long, FileChannel> channels = new ConcurrentHashMap<>();
    private volatile long retiredBelow;
    private boolean closed;
    /** Compactions moving messages out of segments held open meanwhile; guarded by this. */
    private int moving;

    SegmentChannels(Path directory) {
        this.directory = directory;
    }

    /**
     * The read channel of segment {@code sequence}.
     *
     * @throws NoSuchFileException if the segment is retired or does not exist
     */
    FileChannel get(long sequence) throws IOException {
        FileChannel ch = channels.get(sequence);
        if (ch != null && ch.isOpen() && sequence >= retiredBelow) {
            return ch;
        }
        synchronized (this) {
            Path path = JournalFormat.segmentPath(directory, sequence);
            if (sequence < retiredBelow || closed) {
                throw new NoSuchFileException(path.toString(), null, closed ? "the journal is closed"
                        : "the segment was compacted away");
            }
            ch = channels.get(sequence);
            if (ch == null || !ch.isOpen()) {
                ch = FileChannel.open(path, StandardOpenOption.READ);
                channels.put(sequence, ch);
            }
            return ch;
        }
    }

    /**
     * Opens and holds the channels of {@code segments}, which compaction is moving messages out of, so that they
     * stay readable after their files are deleted, until {@link #endMove}.
     *
     * @return false if a segment could not be opened: its file must not be deleted before the move ends
     */
    synchronized boolean beginMove(List<SegmentFile> segments) {
        moving++;
        try {
            for (SegmentFile segment : segments) {
                get(segment.sequence());
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Ends a move: if it succeeded, retires the segments before {@code sequence} (their channels close);
     * otherwise keeps them open, so reads of messages not moved go on. Wakes readers waiting in {@link #awaitMoves}.
     */
    synchronized void endMove(long sequence, boolean moved) {
        if (moved) {
            retireBelow(sequence);
        }
        moving--;
        notifyAll();
    }

    /** Waits until no compaction is moving messages: a reader whose segment is gone finds the message moved. */
    synchronized void awaitMoves() throws InterruptedException {
        while (moving > 0) {
            wait();
        }
    }

    /** Closes the channels of segments before {@code sequence} and opens none of them again. */
    synchronized void retireBelow(long sequence) {
        retiredBelow = Math.max(retiredBelow, sequence);
        channels.entrySet().removeIf(e -> {
            if (e.getKey() < sequence) {
                closeQuietly(e.getValue());
                return true;
            }
            return false;
        });
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // read-only: nothing is lost
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        channels.values().forEach(SegmentChannels::closeQuietly);
        channels.clear();
    }
}
