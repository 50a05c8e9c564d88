package io.warren.broker.store.journal;

/**
 * Where a stored message's operation lies in the journal, packed into one {@code long} so the live state keeps
 * eight bytes per message for it: the segment's sequence number (bits 40..62) and the byte offset in that segment
 * (bits 0..39) of the stored-message operation, which carries its own length and checksum. Bit 63 marks a message
 * written by an earlier journal version, whose operation has no checksum of its own: the offset is then that of
 * the record holding it, and reading checks the whole record. Segments beyond sequence 2<sup>23</sup> - 1 or
 * larger than 1 TiB cannot be addressed; {@link #of} refuses them.
 */
final class MessageLocation {
    /** What a lookup of a message the journal does not hold returns. */
    static final long NONE = -1L;
    static final long MAX_SEQUENCE = (1L << 23) - 1;
    static final long MAX_OFFSET = (1L << 40) - 1;
    private static final long RECORD_FLAG = 1L << 63;

    private MessageLocation() {
    }

    /** The location of a self-checked stored-message operation. */
    static long of(long sequence, long offset) {
        if (sequence < 0 || sequence > MAX_SEQUENCE || offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("cannot address offset " + offset + " of segment " + sequence
                    + ": the journal addresses segments 0.." + MAX_SEQUENCE + " of up to " + MAX_OFFSET + " bytes");
        }
        return sequence << 40 | offset;
    }

    /** The location of a message inside a record of the earlier format, at {@code recordOffset}. */
    static long ofRecord(long sequence, long recordOffset) {
        return of(sequence, recordOffset) | RECORD_FLAG;
    }

    static long sequence(long location) {
        return (location & ~RECORD_FLAG) >>> 40;
    }

    static long offset(long location) {
        return location & MAX_OFFSET;
    }

    /** Whether the location is that of a whole record of the earlier format rather than of the operation. */
    static boolean isRecord(long location) {
        return (location & RECORD_FLAG) != 0;
    }
}
