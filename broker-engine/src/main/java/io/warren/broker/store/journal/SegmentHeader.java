package io.warren.broker.store.journal;

import static io.warren.broker.store.journal.JournalFormat.SEGMENT_HEADER_SIZE;

import io.warren.message.CorruptDataException;

/**
 * The fixed header at the start of every segment file (layout in {@link JournalFormat}). {@code afterGap} marks a
 * segment whose predecessor's sequence number was left free for the snapshot of a compaction in progress.
 */
record SegmentHeader(long sequence, boolean snapshot, boolean afterGap) {

    SegmentHeader(long sequence, boolean snapshot) {
        this(sequence, snapshot, false);
    }

    /** The header is intact but of a format version this broker does not read. */
    static final class UnsupportedVersionException extends CorruptDataException {
        private static final long serialVersionUID = 1L;

        UnsupportedVersionException(String message) {
            super(message);
        }
    }

    byte[] encode() {
        byte[] b = new byte[SEGMENT_HEADER_SIZE];
        JournalFormat.putInt(b, 0, JournalFormat.MAGIC);
        b[4] = (byte) (JournalFormat.VERSION >>> 8);
        b[5] = (byte) JournalFormat.VERSION;
        int flags = (snapshot ? JournalFormat.FLAG_SNAPSHOT : 0) | (afterGap ? JournalFormat.FLAG_AFTER_GAP : 0);
        b[6] = (byte) (flags >>> 8);
        b[7] = (byte) flags;
        JournalFormat.putInt(b, 8, (int) (sequence >>> 32));
        JournalFormat.putInt(b, 12, (int) sequence);
        JournalFormat.putInt(b, 16, JournalFormat.crc(b, 0, 16));
        return b;
    }

    /** Decodes the first {@value JournalFormat#SEGMENT_HEADER_SIZE} bytes of {@code b}. */
    static SegmentHeader decode(byte[] b) {
        if (JournalFormat.readInt(b, 0) != JournalFormat.MAGIC) {
            throw new CorruptDataException("bad magic number, not a journal segment");
        }
        if (JournalFormat.readInt(b, 16) != JournalFormat.crc(b, 0, 16)) {
            throw new CorruptDataException("checksum mismatch");
        }
        int version = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
        if (version != JournalFormat.VERSION) {
            throw new UnsupportedVersionException("journal format version " + version + " (this broker reads version "
                    + JournalFormat.VERSION + ")");
        }
        int flags = ((b[6] & 0xff) << 8) | (b[7] & 0xff);
        long sequence = ((long) JournalFormat.readInt(b, 8) << 32) | (JournalFormat.readInt(b, 12) & 0xffffffffL);
        return new SegmentHeader(sequence, (flags & JournalFormat.FLAG_SNAPSHOT) != 0,
                (flags & JournalFormat.FLAG_AFTER_GAP) != 0);
    }
}
