package io.warren.broker.store.journal;

import static io.warren.broker.store.journal.JournalFormat.SEGMENT_HEADER_SIZE;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment files of a running journal: appends to the active segment, rolls to a new one, syncs, and puts a
 * compaction's snapshot segment in the place of the segments it replaces. Keeps the active segment's index open
 * ({@link IndexBuilder}) and seals it when the segment is sealed; a failure to index is logged and leaves the
 * segment without an index, which recovery then scans. Used under the journal's writer role only ({@link JournalWriter}): by the
 * writer thread or a thread writing its own group.
 */
final class SegmentLog implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);

    private final Path directory;
    private final ChannelOpener opener;
    private final boolean syncMetadata;
    private final long segmentSize;
    private final List<SegmentFile> sealed = new ArrayList<>();
    // volatile: metrics read the journal's size from other threads; only the writer role's holder changes them
    private volatile long sealedBytes;
    /** Bytes of the sealed segments' indexes, which take disk space too. */
    private volatile long indexBytes;
    private FileChannel active;
    private Path activePath;
    private long activeSequence;
    private volatile long activePosition;
    private volatile long appendedBytes;
    /** The active segment's index, or null when it could not be written. */
    private IndexBuilder index;
    /** Zero-filled space after the active segment's last record; null when nothing is synced. */
    private PreallocatedTail tail;

    /**
     * @param syncMetadata whether creating, renaming and deleting files is synced to disk, and the active segment
     *                     keeps zero-filled space ahead of its end ({@link PreallocatedTail}); not for
     *                     {@link SyncPolicy#NEVER}, which never syncs
     * @param segmentSize  the size at which the journal rolls to a new segment
     */
    SegmentLog(Path directory, ChannelOpener opener, boolean syncMetadata, long segmentSize,
               List<SegmentFile> recovered, IndexBuilder activeIndex) throws IOException {
        this.directory = directory;
        this.opener = opener;
        this.syncMetadata = syncMetadata;
        this.segmentSize = segmentSize;
        if (recovered.isEmpty()) {
            create(1, false);
        } else {
            for (int i = 0; i < recovered.size() - 1; i++) {
                sealed.add(recovered.get(i));
                sealedBytes += recovered.get(i).size();
                indexBytes += indexSize(recovered.get(i).sequence());
            }
            SegmentFile last = recovered.get(recovered.size() - 1);
            openActive(last.path(), last.sequence(), last.size());
            index = activeIndex != null ? activeIndex : startIndex(last.sequence());
        }
    }

    private IndexBuilder startIndex(long sequence) {
        try {
            return IndexBuilder.create(directory, sequence, ChannelOpener.DEFAULT);
        } catch (IOException e) {
            LOG.warn("Cannot write the index of journal segment {} ({}); recovery will scan the segment instead",
                    JournalFormat.segmentFileName(sequence), e.toString());
            return null;
        }
    }

    /** The active segment's index, or null if it has none. */
    IndexBuilder index() {
        return index;
    }

    /** Gives up the active segment's index after it failed. */
    void dropIndex(IOException cause) {
        LOG.warn("Writing the index of journal segment {} failed ({}); recovery will scan the segment instead",
                activePath, cause.toString());
        if (index != null) {
            index.abandon();
            index = null;
        }
    }

    private long indexSize(long sequence) {
        try {
            return Files.size(JournalFormat.indexPath(directory, sequence));
        } catch (IOException e) {
            return 0; // no index: recovery scans the segment
        }
    }

    private void sealIndex() {
        if (index != null) {
            try {
                index.seal(activePosition, false);
                indexBytes += indexSize(activeSequence);
            } catch (IOException e) {
                dropIndex(e);
            }
            index = null;
        }
    }

    private void create(long sequence, boolean afterGap) throws IOException {
        Path path = JournalFormat.segmentPath(directory, sequence);
        FileChannel ch = opener.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            writeFully(ch, new SegmentHeader(sequence, false, afterGap).encode(), 0, SEGMENT_HEADER_SIZE);
            if (syncMetadata) {
                ch.force(true);
                syncDirectory(directory);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        active = ch;
        activePath = path;
        activeSequence = sequence;
        activePosition = SEGMENT_HEADER_SIZE;
        tail = syncMetadata ? new PreallocatedTail(segmentSize, SEGMENT_HEADER_SIZE) : null;
        index = startIndex(sequence);
    }

    private void openActive(Path path, long sequence, long size) throws IOException {
        FileChannel ch = opener.open(path, StandardOpenOption.WRITE);
        ch.position(size);
        active = ch;
        activePath = path;
        activeSequence = sequence;
        activePosition = size;
        tail = syncMetadata ? new PreallocatedTail(segmentSize, size) : null;
    }

    static void writeFully(FileChannel ch, byte[] data, int offset, int length) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(data, offset, length);
        while (bb.hasRemaining()) {
            ch.write(bb);
        }
    }

    /** Makes a created, renamed or deleted file's directory entry durable; not every platform can. */
    static void syncDirectory(Path directory) {
        try (FileChannel dir = ChannelOpener.DEFAULT.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot sync directory {}: {}", directory, e.toString());
        }
    }

    void append(byte[] data, int offset, int length) throws IOException {
        if (tail != null) {
            try {
                tail.reserve(active, activePosition + length);
            } catch (IOException e) {
                LOG.warn("Cannot preallocate space in journal segment {} ({}); appending to it without", activePath,
                        e.toString());
            }
        }
        writeFully(active, data, offset, length);
        activePosition += length;
        appendedBytes += length;
    }

    /** Bytes appended since the log opened (snapshots written by compaction not included). */
    long appendedBytes() {
        return appendedBytes;
    }

    /** Where the next append lands in the active segment. */
    long position() {
        return activePosition;
    }

    long activeSequence() {
        return activeSequence;
    }

    Path activePath() {
        return activePath;
    }

    /** Seals the active segment (syncing it first unless nothing is synced) and starts the next one. */
    void roll() throws IOException {
        seal();
        create(activeSequence + 1, false);
    }

    private void seal() throws IOException {
        if (tail != null) {
            tail.cut(active, activePosition);
        }
        if (syncMetadata) {
            active.force(false);
        }
        active.close();
        sealIndex();
        sealed.add(new SegmentFile(activeSequence, activePath, activePosition));
        sealedBytes += activePosition;
    }

    void sync() throws IOException {
        active.force(false);
    }

    /** Bytes in all segments since the last snapshot, the active one included, and in their indexes. */
    long journalBytes() {
        return sealedBytes + indexBytes + activePosition;
    }

    int segmentCount() {
        return sealed.size() + 1;
    }

    /**
     * Seals the active segment like {@link #roll} but continues with the segment after next, leaving a sequence
     * number free for the snapshot of a compaction of every segment up to the one just sealed; returns that number.
     */
    long rollLeavingGap() throws IOException {
        seal();
        long reserved = activeSequence + 1;
        create(activeSequence + 2, true);
        return reserved;
    }

    /**
     * Counts {@code snapshot}, now in place at the sequence number {@link #rollLeavingGap} reserved, instead of
     * every segment before it, and returns those for the caller to {@link #delete} once nothing reads them.
     */
    List<SegmentFile> installSnapshot(SegmentFile snapshot) {
        List<SegmentFile> obsolete = new ArrayList<>();
        for (var it = sealed.iterator(); it.hasNext(); ) {
            SegmentFile s = it.next();
            if (s.sequence() < snapshot.sequence()) {
                obsolete.add(s);
                sealedBytes -= s.size();
                indexBytes -= indexSize(s.sequence());
                it.remove();
            }
        }
        sealed.add(0, snapshot);
        sealedBytes += snapshot.size();
        indexBytes += indexSize(snapshot.sequence());
        return obsolete;
    }

    /** Deletes segments and their indexes; recovery deletes any that survive a crash as predating a snapshot. */
    static void delete(Path directory, List<SegmentFile> obsolete, boolean syncMetadata) {
        for (SegmentFile old : obsolete) {
            try {
                Files.deleteIfExists(old.path());
                Files.deleteIfExists(JournalFormat.indexPath(directory, old.sequence()));
            } catch (IOException e) {
                LOG.warn("Cannot delete obsolete journal segment {} ({}); it is removed when the journal next opens",
                        old.path(), e.toString());
            }
        }
        if (syncMetadata) {
            syncDirectory(directory);
        }
    }

    @Override
    public void close() throws IOException {
        // The last segment is scanned on recovery whatever its index says, as it may have grown after it.
        if (index != null) {
            index.abandon();
            index = null;
        }
        try {
            if (tail != null) {
                tail.cut(active, activePosition);
                active.force(false);
            }
        } finally {
            active.close();
        }
    }
}
