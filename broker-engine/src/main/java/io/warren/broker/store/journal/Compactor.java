package io.warren.broker.store.journal;

import io.warren.message.ByteWriter;
import io.warren.broker.store.StoreOperation;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the live state as a snapshot segment: a header flagged as snapshot, a begin record carrying the
 * highest message id, the state's operations in batch records of about {@value #CHUNK_BYTES} bytes, and an
 * end record counting them. The file is written under a temporary name, synced, and renamed into place, so
 * a crash leaves either no snapshot or a complete one.
 */
final class Compactor {
    static final int CHUNK_BYTES = 1 << 20;

    private final Path directory;
    private final ChannelOpener opener;
    private final boolean sync;

    Compactor(Path directory, ChannelOpener opener, boolean sync) {
        this.directory = directory;
        this.opener = opener;
        this.sync = sync;
    }

    /** Writes the snapshot as segment {@code sequence}; {@code buffer} is scratch space, reset on return. */
    SegmentFile writeSnapshot(LiveState state, long sequence, ByteWriter buffer) throws IOException {
        Path target = JournalFormat.segmentPath(directory, sequence);
        Path temporary = directory.resolve(target.getFileName() + JournalFormat.TMP_SUFFIX);
        List<StoreOperation> ops = state.snapshot().operations();
        long size = 0;
        buffer.reset();
        try (FileChannel ch = opener.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            buffer.writeBytes(new SegmentHeader(sequence, true).encode());
            RecordCodec.writeSnapshotBegin(buffer, state.highestMessageId());
            int batches = 0;
            for (int next = 0; next < ops.size(); batches++) {
                next = RecordCodec.writeBatchChunk(buffer, ops, next, CHUNK_BYTES);
                if (buffer.size() >= CHUNK_BYTES) {
                    size += drain(ch, buffer);
                }
            }
            RecordCodec.writeSnapshotEnd(buffer, batches);
            size += drain(ch, buffer);
            if (sync) {
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            buffer.reset();
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        if (sync) {
            SegmentLog.syncDirectory(directory);
        }
        return new SegmentFile(sequence, target, size);
    }

    private static int drain(FileChannel ch, ByteWriter buffer) throws IOException {
        int n = buffer.size();
        SegmentLog.writeFully(ch, buffer.array(), 0, n);
        buffer.reset();
        return n;
    }
}
