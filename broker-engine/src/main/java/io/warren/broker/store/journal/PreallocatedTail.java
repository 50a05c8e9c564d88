package io.warren.broker.store.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The zero-filled space kept ahead of the last record of the active segment. An append into space that is already
 * allocated and written changes neither the file's size nor its block map, so the sync after it writes the data
 * alone; an append that grows the file makes every sync commit file system metadata as well (on ext4, a small
 * sync took up to a fifth longer that way). The space grows in steps that double from {@value #MIN_STEP} to
 * {@value #MAX_STEP} bytes, never past the segment size unless a single batch needs more, so that a small journal
 * stays small. It is cut off when the segment is sealed or closed, so a sealed segment ends with its last record;
 * after a crash, recovery recognises the zeros after the last record as this space
 * ({@link SegmentReader#isZeroFrom}). A zero-fill that fails (a full disk) stops the preallocation of this segment,
 * whose appends then grow the file as they would without it. Used under the journal's writer role only
 * ({@link JournalWriter}).
 */
final class PreallocatedTail {
    static final int MIN_STEP = 256 << 10;
    static final int MAX_STEP = 4 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10).asReadOnlyBuffer();

    private final long segmentSize;
    /** The end of the space that holds records or zeros written by this class. */
    private long end;
    /** Set once a zero-fill failed: the segment is appended to without preallocation from then on. */
    private boolean stopped;

    /**
     * @param segmentSize the size at which the journal rolls to a new segment
     * @param end         where the file's known content ends: its last record, or its header
     */
    PreallocatedTail(long segmentSize, long end) {
        this.segmentSize = segmentSize;
        this.end = end;
    }

    /**
     * Makes sure the space up to {@code needed} is written, zero-filling the next step of it if it is not. A failed
     * zero-fill is thrown once and stops the preallocation; what it wrote is still cut off by {@link #cut}.
     */
    void reserve(FileChannel channel, long needed) throws IOException {
        if (needed <= end || stopped) {
            return;
        }
        long step = Math.min(MAX_STEP, Math.max(MIN_STEP, end));
        long target = Math.max(needed, Math.min(end + step, segmentSize));
        long p = end;
        try {
            while (p < target) {
                ByteBuffer zeros = ZEROS.duplicate();
                zeros.limit((int) Math.min(zeros.capacity(), target - p));
                p += channel.write(zeros, p);
            }
        } catch (IOException e) {
            stopped = true;
            throw e;
        } finally {
            end = p;
        }
    }

    /** Cuts the file at {@code position}, the end of its last record, if zero-filled space follows it. */
    void cut(FileChannel channel, long position) throws IOException {
        if (end > position) {
            channel.truncate(position);
            end = position;
        }
    }

    /** The end of the written space (tests). */
    long end() {
        return end;
    }
}
