package io.warren.broker.store.journal;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of the journal.
 *
 * <p>A data directory holds segment files {@code journal-<20-digit sequence>.log}, their indexes
 * {@code journal-<sequence>.idx}, a {@code lock} file, and temporary files: {@code journal-<sequence>.log.tmp} while
 * compaction writes a snapshot, {@code journal-<sequence>.idx.tmp} while a segment's index is written. Anything
 * else in it is not the journal's: recovery leaves it alone and warns.
 * A segment starts with a {@value #SEGMENT_HEADER_SIZE}-byte header: magic {@code "WRNJ"} (int), format
 * version (short), flags (short; {@link #FLAG_SNAPSHOT} when the segment starts with a snapshot,
 * {@link #FLAG_AFTER_GAP} when the sequence number before it was reserved for a compaction's snapshot), sequence
 * number (long), CRC32C of the preceding 16 bytes (int). Records follow back to back:
 *
 * <pre>
 *   int   length    bytes covered by the checksum: the type byte plus the payload (&gt;= 1)
 *   int   crc       CRC32C over type + payload
 *   byte  type      {@link #BATCH}, {@link #SNAPSHOT_BEGIN} or {@link #SNAPSHOT_END}
 *   ...   payload   see {@link RecordCodec}
 * </pre>
 *
 * All integers are big-endian. One {@link io.warren.broker.store.StoreBatch} is one record, so a batch is
 * recovered whole or not at all. A stored message within a record carries its own length and checksum (see
 * {@link RecordCodec}), so it can be read back alone.
 *
 * <p><b>Compaction.</b> The writer seals the active segment {@code k} and continues with {@code k + 2}, flagged
 * {@link #FLAG_AFTER_GAP}; the compaction writes the live state of segments up to {@code k} as a snapshot segment
 * {@code k + 1} (flagged {@link #FLAG_SNAPSHOT}) under its temporary name, then renames it into place. Recovery
 * starts at the newest snapshot segment and deletes the segments before it; a gap of one sequence number before a
 * segment flagged {@link #FLAG_AFTER_GAP} is a compaction that never finished.
 *
 * <p><b>Indexes.</b> Each segment has an index {@code journal-<sequence>.idx}, which lets recovery rebuild the
 * state without reading message bodies. The writer appends to {@code journal-<sequence>.idx.tmp} as it appends to
 * the segment and renames it once it seals the segment, and compaction writes a snapshot's index whole; a
 * {@code .idx.tmp} left by a crash is deleted, and a segment without a valid index is scanned and indexed again.
 * Indexes are not synced: one a crash damaged is found invalid and written again. An index starts
 * with a {@value #INDEX_HEADER_SIZE}-byte header: magic {@code "WRNX"} (int), index format version (short), flags
 * (short, 0), the segment's sequence number (long), the size of the segment it indexes (long), CRC32C of the
 * preceding 24 bytes (int); written last, so an index without it is not valid. Records follow, framed as the
 * segment's: {@link #INDEX_BATCH} (long offset of the batch record in the segment, int operation count, then
 * the operations as in the segment, except that a stored message is an {@link IndexBuilder#SUMMARY} operation
 * with its location and summary instead of its content), {@link #SNAPSHOT_BEGIN} as in the segment,
 * {@link #INDEX_SNAPSHOT_END} (int batch records in the snapshot, long offset where the snapshot ends) and last
 * {@link #INDEX_END} (int number of records before it).
 */
final class JournalFormat {
    static final int MAGIC = 0x57524E4A; // "WRNJ"
    static final int VERSION = 1;
    static final int SEGMENT_HEADER_SIZE = 20;
    static final int FLAG_SNAPSHOT = 1;
    /** The segment follows a sequence number left free for a compaction's snapshot, which may never appear. */
    static final int FLAG_AFTER_GAP = 2;

    static final int RECORD_HEADER_SIZE = 8;
    /** A {@link io.warren.broker.store.StoreBatch}: int operation count, then the operations. */
    static final byte BATCH = 1;
    /** First record of a snapshot segment: long highest message id ever stored. */
    static final byte SNAPSHOT_BEGIN = 2;
    /** Ends the snapshot part of a snapshot segment: int number of batch records in the snapshot. */
    static final byte SNAPSHOT_END = 3;

    /** Index: a batch record of the segment, without message content. */
    static final byte INDEX_BATCH = 5;
    /** Index: the end of the snapshot a segment starts with. */
    static final byte INDEX_SNAPSHOT_END = 6;
    /** Index: the last record, counting those before it. */
    static final byte INDEX_END = 7;
    static final int INDEX_MAGIC = 0x57524E58; // "WRNX"
    static final int INDEX_VERSION = 1;
    static final int INDEX_HEADER_SIZE = 28;

    static final String LOCK_FILE = "lock";
    static final String INDEX_SUFFIX = ".idx";
    static final String TMP_SUFFIX = ".tmp";
    private static final Pattern SEGMENT_NAME = Pattern.compile("journal-(\\d{20})\\.log");
    private static final Pattern INDEX_NAME = Pattern.compile("journal-(\\d{20})\\.idx");
    /** What compaction ({@code journal-<sequence>.log.tmp}) and the disk probe leave behind when interrupted. */
    private static final Pattern TEMPORARY_NAME = Pattern.compile(
            "journal-\\d{20}\\.(log|idx)\\.tmp|warren-fsync-probe\\d*\\.tmp");

    private JournalFormat() {
    }

    static String segmentFileName(long sequence) {
        return String.format("journal-%020d.log", sequence);
    }

    static Path segmentPath(Path directory, long sequence) {
        return directory.resolve(segmentFileName(sequence));
    }

    static Path indexPath(Path directory, long sequence) {
        return directory.resolve(String.format("journal-%020d", sequence) + INDEX_SUFFIX);
    }

    /** The sequence number an index file name encodes, or empty when the name is not an index's. */
    static OptionalLong parseIndexName(String fileName) {
        Matcher m = INDEX_NAME.matcher(fileName);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The sequence number a segment file name encodes, or empty when the name is not a segment's. */
    static OptionalLong parseSegmentName(String fileName) {
        Matcher m = SEGMENT_NAME.matcher(fileName);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Whether the file name is a temporary file of the journal's own, which recovery deletes. */
    static boolean isTemporaryName(String fileName) {
        return TEMPORARY_NAME.matcher(fileName).matches();
    }

    static int crc(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static boolean isKnownType(int type) {
        return type == BATCH || type == SNAPSHOT_BEGIN || type == SNAPSHOT_END;
    }
}
