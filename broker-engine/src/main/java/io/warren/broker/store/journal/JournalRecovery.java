package io.warren.broker.store.journal;

import static io.warren.broker.store.journal.JournalFormat.SEGMENT_HEADER_SIZE;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.message.ByteReader;
import io.warren.message.CorruptDataException;
import io.warren.message.MessageCodec;
import io.warren.broker.store.StoreOperation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the state from the segment files of a data directory.
 *
 * <p>Reading starts at the newest segment that begins with a snapshot (older segments are leftovers of a
 * compaction interrupted after its snapshot was in place, and are deleted), or at the first segment. Every
 * record is checked for a plausible length and its checksum. Damage is treated as a torn write, and cut
 * off with a warning, only when it is at the end of the last segment with no intact record after it;
 * anywhere else (an earlier segment, a snapshot, or followed by intact records) recovery fails with a
 * {@code STORE_ERROR} naming the file and offset, because skipping it would silently lose acknowledged data. A
 * file named like a segment whose header is not one (junk, another program's file, another format version) stops
 * recovery too, naming the file and what to do, unless it is the last segment caught while being created (a
 * prefix of its header, or zeros). Files not named like the journal's are left alone with a warning.
 */
final class JournalRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

    private final Path directory;
    private final LiveState state = new LiveState();
    private final StateSink stateSink = new StateSink(state);
    private final List<Path> ignored = new ArrayList<>();
    /** Index files by the sequence of the segment they index. */
    private final Map<Long, Path> indexes = new HashMap<>();
    private IndexBuilder activeIndex;
    private int indexed;

    private JournalRecovery(Path directory) {
        this.directory = directory;
    }

    static RecoveredJournal recover(Path directory) throws IOException {
        return new JournalRecovery(directory).run();
    }

    private RecoveredJournal run() throws IOException {
        List<SegmentFile> all = listFiles();
        List<SegmentHeader> headers = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            headers.add(readHeader(all.get(i), i == all.size() - 1));
        }
        int first = 0;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i) != null && headers.get(i).snapshot()) {
                first = i;
            }
        }
        checkContiguous(all, headers, first);
        state.keepSummaries();
        List<SegmentFile> kept = new ArrayList<>();
        try {
            for (int i = first; i < all.size(); i++) {
                boolean last = i == all.size() - 1;
                SegmentFile segment = all.get(i);
                long size = headers.get(i) == null
                        ? rewriteHeader(segment, i > 0 && all.get(i - 1).sequence() == segment.sequence() - 2)
                        : recover(segment, headers.get(i), last);
                kept.add(new SegmentFile(segment.sequence(), segment.path(), size));
            }
        } catch (IOException | RuntimeException | Error e) {
            if (activeIndex != null) {
                activeIndex.abandon();
            }
            throw e;
        }
        for (int i = 0; i < first; i++) {
            LOG.info("Deleting journal segment {}: it predates the snapshot in {}", all.get(i).path(),
                    all.get(first).path().getFileName());
            Files.deleteIfExists(all.get(i).path());
        }
        for (Map.Entry<Long, Path> index : indexes.entrySet()) {
            if (kept.stream().noneMatch(k -> k.sequence() == index.getKey())) {
                Files.deleteIfExists(index.getValue());
            }
        }
        state.dropUnreferenced();
        return new RecoveredJournal(state, kept, stateSink.snapshotOverhead(), List.copyOf(ignored), activeIndex,
                indexed);
    }

    /**
     * Recovers a segment: a sealed one from its index if it has a valid one, otherwise (and the last one always)
     * by scanning it, writing its index as it goes; the last one's index is left open for the writer to continue.
     */
    private long recover(SegmentFile segment, SegmentHeader header, boolean last) throws IOException {
        Path index = indexes.get(segment.sequence());
        if (!last) {
            String problem = index == null ? "it has no index"
                    : IndexReader.problem(index, segment.sequence(), segment.size());
            if (problem == null) {
                try {
                    IndexReader.replay(index, stateSink);
                } catch (CorruptDataException | IllegalStateException | IllegalArgumentException e) {
                    throw new BrokerException(ErrorCode.STORE_ERROR, "journal index " + index + " is intact but "
                            + "cannot be applied: " + e.getMessage() + ". Delete it: the broker then scans the "
                            + "segment " + segment.path() + " and writes the index again");
                }
                indexed++;
                return segment.size();
            }
            LOG.warn("Scanning journal segment {} because {}{}; the index is written again", segment.path(),
                    index == null ? problem : "its index " + index.getFileName() + " is not usable: ",
                    index == null ? "" : problem);
        }
        IndexBuilder builder = IndexBuilder.create(directory, segment.sequence(), ChannelOpener.DEFAULT);
        long size;
        try {
            size = replay(segment, header, last, RecordSink.both(stateSink, builder.sink()));
        } catch (IOException | RuntimeException e) {
            builder.abandon();
            throw e;
        }
        if (last) {
            activeIndex = builder;
        } else {
            builder.seal(size, false);
        }
        return size;
    }

    /**
     * Sorts the directory's files: segments (returned in sequence order), the lock, temporary files of an
     * interrupted compaction (deleted), and anything else, which is not the journal's: it is left alone, with a
     * warning, so a file someone put there is neither read as a segment nor deleted.
     */
    private List<SegmentFile> listFiles() throws IOException {
        List<SegmentFile> segments = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                OptionalLong sequence = JournalFormat.parseSegmentName(name);
                OptionalLong indexOf = JournalFormat.parseIndexName(name);
                if (sequence.isPresent() && Files.isRegularFile(f)) {
                    segments.add(new SegmentFile(sequence.getAsLong(), f, Files.size(f)));
                } else if (indexOf.isPresent() && Files.isRegularFile(f)) {
                    indexes.put(indexOf.getAsLong(), f);
                } else if (JournalFormat.isTemporaryName(name) && Files.isRegularFile(f)) {
                    LOG.info("Deleting {}: an unfinished journal compaction", f);
                    Files.deleteIfExists(f);
                } else if (!name.equals(JournalFormat.LOCK_FILE)) {
                    LOG.warn("Ignoring {} in data directory {}: it is not a file of the journal, which holds only"
                            + " {}-style segments and its lock; move it elsewhere to silence this warning", name,
                            directory, JournalFormat.segmentFileName(1));
                    ignored.add(f);
                }
            }
        }
        segments.sort(Comparator.comparingLong(SegmentFile::sequence));
        return segments;
    }

    /**
     * Reads a segment's header; null means the last segment was being created when the process stopped (the
     * file is shorter than a header or all zeros) and only needs a fresh header.
     */
    private SegmentHeader readHeader(SegmentFile segment, boolean last) throws IOException {
        byte[] content = new byte[(int) Math.min(segment.size(), SEGMENT_HEADER_SIZE)];
        try (FileChannel ch = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.wrap(content);
            while (bb.hasRemaining() && ch.read(bb) >= 0) {
                // keep reading: a read may return fewer bytes than asked
            }
        }
        if (last && isUnfinishedCreation(segment, content)) {
            return null;
        }
        if (segment.size() < SEGMENT_HEADER_SIZE) {
            throw notASegment(segment.path(), "the file is shorter than a segment header (" + segment.size()
                    + " bytes) and is not the start of one");
        }
        SegmentHeader header;
        try {
            header = SegmentHeader.decode(content);
        } catch (SegmentHeader.UnsupportedVersionException e) {
            throw new BrokerException(ErrorCode.STORE_ERROR, "journal segment " + segment.path() + " was written"
                    + " by another version of Warren: " + e.getMessage() + ". Start the broker version that wrote"
                    + " it, or move the data directory " + directory + " away to start empty");
        } catch (CorruptDataException e) {
            throw notASegment(segment.path(), "bad segment header: " + e.getMessage());
        }
        if (header.sequence() != segment.sequence()) {
            throw notASegment(segment.path(), "the segment header holds sequence number " + header.sequence()
                    + ", which does not match the file name");
        }
        return header;
    }

    /**
     * Whether the last segment is one the broker was creating when it stopped: shorter than a header and holding a
     * prefix of the header it would have written (or zeros, space the file system allocated), or all zeros.
     * Anything else is kept and reported, never overwritten.
     */
    private static boolean isUnfinishedCreation(SegmentFile segment, byte[] content) throws IOException {
        if (segment.size() >= SEGMENT_HEADER_SIZE) {
            return isAllZero(content) && isAllZero(segment);
        }
        byte[] plain = new SegmentHeader(segment.sequence(), false).encode();
        byte[] afterGap = new SegmentHeader(segment.sequence(), false, true).encode();
        return isAllZero(content) || Arrays.equals(content, 0, content.length, plain, 0, content.length)
                || Arrays.equals(content, 0, content.length, afterGap, 0, content.length);
    }

    /** A file with a segment's name whose start is not a segment header: someone else's file, or damage. */
    private BrokerException notASegment(Path file, String problem) {
        return new BrokerException(ErrorCode.STORE_ERROR, "journal segment " + file + " is not a valid segment, at offset 0: "
                + problem + ". The broker does not start rather than overwrite it. If the file is not a Warren"
                + " journal segment, move it out of the data directory " + directory + "; if it is, the journal is"
                + " damaged: restore the data directory from a backup");
    }

    private static boolean isAllZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllZero(SegmentFile segment) throws IOException {
        try (SegmentReader reader = new SegmentReader(segment.path())) {
            return reader.isZeroFrom(0);
        }
    }

    private void checkContiguous(List<SegmentFile> all, List<SegmentHeader> headers, int first) {
        if (all.isEmpty()) {
            return;
        }
        SegmentFile start = all.get(first);
        boolean startsHistory = headers.get(first) != null && headers.get(first).snapshot();
        if (!startsHistory && start.sequence() != 1) {
            throw new BrokerException(ErrorCode.STORE_ERROR, "journal in " + directory + " is incomplete: the oldest "
                    + "segment " + start.path().getFileName() + " does not start with a snapshot and segment "
                    + JournalFormat.segmentFileName(1) + " is missing");
        }
        for (int i = first + 1; i < all.size(); i++) {
            long gap = all.get(i).sequence() - all.get(i - 1).sequence();
            // The last segment may have been caught being created after such a gap, before its header was written.
            boolean reserved = gap == 2 && (headers.get(i) == null || headers.get(i).afterGap());
            if (gap != 1 && !reserved) {
                throw new BrokerException(ErrorCode.STORE_ERROR, "journal in " + directory + " is incomplete: "
                        + "segment " + JournalFormat.segmentFileName(all.get(i - 1).sequence() + 1) + " is missing");
            }
        }
    }

    private static long rewriteHeader(SegmentFile segment, boolean afterGap) throws IOException {
        LOG.warn("Journal segment {} has no complete header ({} bytes): it was being created when the broker "
                + "stopped; starting it afresh", segment.path(), segment.size());
        try (FileChannel ch = FileChannel.open(segment.path(), StandardOpenOption.WRITE)) {
            ch.truncate(0);
            ByteBuffer header = ByteBuffer.wrap(new SegmentHeader(segment.sequence(), false, afterGap).encode());
            while (header.hasRemaining()) {
                ch.write(header, header.position());
            }
            ch.force(true);
        }
        return SEGMENT_HEADER_SIZE;
    }

    /** Applies a segment's records; returns the segment's valid size. */
    private long replay(SegmentFile segment, SegmentHeader header, boolean last, RecordSink sink)
            throws IOException {
        boolean inSnapshot = header.snapshot();
        int snapshotBatches = 0;
        long position = SEGMENT_HEADER_SIZE;
        try (SegmentReader reader = new SegmentReader(segment.path())) {
            while (position < reader.size()) {
                if (!reader.readRecord(position)) {
                    String problem = reader.problem();
                    if (!last || inSnapshot) {
                        throw corrupt(segment.path(), position, problem
                                + (inSnapshot ? " (inside the snapshot the segment starts with)" : ""));
                    }
                    long rest = reader.size() - position;
                    if (reader.isZeroFrom(position)) {
                        LOG.debug("Journal segment {} ends at offset {}, followed by {} bytes of preallocated space",
                                segment.path(), position, rest);
                    } else {
                        long intact = reader.findIntactRecordAfter(position);
                        if (intact >= 0) {
                            throw corrupt(segment.path(), position, problem + ", and an intact record follows at "
                                    + "offset " + intact);
                        }
                        LOG.warn("Journal segment {} has a torn tail at offset {} ({}): discarding the last {} bytes, "
                                + "which were never acknowledged as durable", segment.path(), position, problem, rest);
                    }
                    cutTail(segment, position);
                    return position;
                }
                boolean snapshotBegin = header.snapshot() && position == SEGMENT_HEADER_SIZE;
                if (snapshotBegin != (reader.type() == JournalFormat.SNAPSHOT_BEGIN)) {
                    throw corrupt(segment.path(), position, snapshotBegin
                            ? "a snapshot segment must start with a snapshot record, not type " + reader.type()
                            : "unexpected snapshot record");
                }
                try {
                    ByteReader in = new ByteReader(reader.array(), reader.payloadOffset(), reader.payloadLength());
                    switch (reader.type()) {
                        case JournalFormat.BATCH -> {
                            applyBatch(in, segment.sequence(), position, reader, sink);
                            snapshotBatches++;
                        }
                        case JournalFormat.SNAPSHOT_BEGIN -> {
                            long highest = in.readLong();
                            RecordCodec.requireEnd(in);
                            sink.snapshotBegin(highest);
                            snapshotBatches = 0;
                        }
                        case JournalFormat.SNAPSHOT_END -> {
                            int expected = in.readInt();
                            RecordCodec.requireEnd(in);
                            if (!inSnapshot || expected != snapshotBatches) {
                                throw new CorruptDataException(inSnapshot ? "the snapshot should hold " + expected
                                        + " batch records but holds " + snapshotBatches : "unexpected snapshot end");
                            }
                            inSnapshot = false;
                            sink.snapshotEnd(expected, reader.end());
                        }
                        default -> throw new CorruptDataException("unknown record type " + reader.type()
                                + " (written by a newer broker version?)");
                    }
                } catch (CorruptDataException | IllegalStateException | IllegalArgumentException e) {
                    throw corrupt(segment.path(), position, "intact record cannot be applied: " + e.getMessage());
                }
                position = reader.end();
            }
        }
        if (inSnapshot) {
            throw corrupt(segment.path(), position, "the snapshot the segment starts with is incomplete");
        }
        return position;
    }

    /** Hands a batch record at {@code recordStart} to {@code sink}. */
    private static void applyBatch(ByteReader in, long sequence, long recordStart, SegmentReader reader,
                                   RecordSink sink) {
        int payloadStart = reader.payloadOffset();
        byte[] array = reader.array();
        long payloadPosition = recordStart + JournalFormat.RECORD_HEADER_SIZE + 1;
        sink.batchStart(recordStart);
        RecordCodec.readBatch(in, payloadStart, new RecordCodec.BatchVisitor() {
            @Override
            public void stored(long messageId, int at, int length, MessageCodec.Header header) {
                if (at < 0) {
                    // the earlier format: the size of the record's message is not known, the body's is close
                    sink.stored(messageId, MessageLocation.ofRecord(sequence, recordStart), header.bodySize(), header);
                } else {
                    sink.stored(messageId, MessageLocation.of(sequence, payloadPosition + at), length, header);
                }
            }

            @Override
            public void operation(StoreOperation op, int from, int to) {
                sink.operation(op, array, from, to);
            }
        });
        sink.batchEnd();
    }

    /** Cuts the last segment after its last intact record: a torn write, or space preallocated for records. */
    private static void cutTail(SegmentFile segment, long position) throws IOException {
        // Not forced: if the truncation is lost in a crash, the same tail is found and cut again.
        try (FileChannel ch = FileChannel.open(segment.path(), StandardOpenOption.WRITE)) {
            ch.truncate(position);
        }
    }

    private static BrokerException corrupt(Path file, long offset, String problem) {
        return new BrokerException(ErrorCode.STORE_ERROR, "journal segment " + file + " is corrupt at offset "
                + offset + ": " + problem + ". Recovery stops rather than skip acknowledged data; restore the data "
                + "directory from a backup");
    }
}
