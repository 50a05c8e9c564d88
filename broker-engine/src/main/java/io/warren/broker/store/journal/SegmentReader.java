package io.warren.broker.store.journal;

import static io.warren.broker.store.journal.JournalFormat.RECORD_HEADER_SIZE;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and verifies the records of one segment file through a reusable window, so reading a record
 * allocates nothing. After {@link #readRecord} returns true, {@link #type()}, {@link #array()},
 * {@link #payloadOffset()}, {@link #payloadLength()} and {@link #end()} describe the record; after it
 * returns false, {@link #problem()} says what is wrong.
 */
final class SegmentReader implements Closeable {
    private static final int WINDOW = 1 << 20;

    private final FileChannel channel;
    private final long size;
    private byte[] window;
    private long windowStart;
    private int windowLength;

    private int type;
    private int payloadOffset;
    private int payloadLength;
    private long end;
    private String problem;

    SegmentReader(Path path) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
        this.window = new byte[(int) Math.min(WINDOW, size)];
    }

    long size() {
        return size;
    }

    /** Makes bytes {@code [position, position + length)} available and returns their offset in {@link #array()}. */
    int load(long position, int length) throws IOException {
        if (position >= windowStart && position + length <= windowStart + windowLength) {
            return (int) (position - windowStart);
        }
        int want = (int) Math.min(Math.max(length, WINDOW), size - position);
        if (want > window.length) {
            window = new byte[want];
        }
        ByteBuffer bb = ByteBuffer.wrap(window, 0, want);
        long at = position;
        while (bb.hasRemaining()) {
            int n = channel.read(bb, at);
            if (n < 0) {
                throw new EOFException("segment ended at " + at + " while reading " + length + " bytes at " + position);
            }
            at += n;
        }
        windowStart = position;
        windowLength = want;
        return 0;
    }

    /** Checks the record starting at {@code position}: complete, plausible length and matching checksum. */
    boolean readRecord(long position) throws IOException {
        long remaining = size - position;
        if (remaining < RECORD_HEADER_SIZE + 1) {
            problem = "incomplete record header (" + remaining + " bytes left in the file)";
            return false;
        }
        int at = load(position, RECORD_HEADER_SIZE);
        int length = JournalFormat.readInt(window, at);
        int crc = JournalFormat.readInt(window, at + 4);
        if (length == 0 && crc == 0) {
            problem = "zeroed space instead of a record";
            return false;
        }
        if (length < 1 || length > remaining - RECORD_HEADER_SIZE) {
            problem = "record length " + length + " does not fit in the " + (remaining - RECORD_HEADER_SIZE)
                    + " bytes left in the file";
            return false;
        }
        at = load(position, RECORD_HEADER_SIZE + length);
        if (JournalFormat.crc(window, at + RECORD_HEADER_SIZE, length) != crc) {
            problem = "record checksum mismatch";
            return false;
        }
        type = window[at + RECORD_HEADER_SIZE];
        payloadOffset = at + RECORD_HEADER_SIZE + 1;
        payloadLength = length - 1;
        end = position + RECORD_HEADER_SIZE + length;
        return true;
    }

    /** Whether every byte from {@code position} to the end of the file is zero: space never written. */
    boolean isZeroFrom(long position) throws IOException {
        for (long p = position; p < size; ) {
            int n = (int) Math.min(WINDOW, size - p);
            int at = load(p, n);
            for (int i = at; i < at + n; i++) {
                if (window[i] != 0) {
                    return false;
                }
            }
            p += n;
        }
        return true;
    }

    /**
     * The offset of the first intact record of a known type that starts after {@code position}, or -1. Used to
     * tell a torn tail (nothing intact after the damage) from damage in the middle of the journal. Overwrites
     * what {@link #problem()} and the record accessors report.
     */
    long findIntactRecordAfter(long position) throws IOException {
        for (long p = position + 1; p + RECORD_HEADER_SIZE + 1 <= size; p++) {
            int at = load(p, RECORD_HEADER_SIZE + 1);
            if (JournalFormat.isKnownType(window[at + RECORD_HEADER_SIZE]) && readRecord(p)
                    && JournalFormat.isKnownType(type)) {
                return p;
            }
        }
        return -1;
    }

    int type() {
        return type;
    }

    byte[] array() {
        return window;
    }

    int payloadOffset() {
        return payloadOffset;
    }

    int payloadLength() {
        return payloadLength;
    }

    long end() {
        return end;
    }

    String problem() {
        return problem;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
