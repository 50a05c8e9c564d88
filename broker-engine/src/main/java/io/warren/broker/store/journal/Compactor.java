package io.warren.broker.store.journal;

import io.warren.broker.store.StoreOperation;
import io.warren.message.ByteWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.LongArrayList;

/**
 * Writes the live state as a snapshot segment: a header flagged as snapshot, a begin record carrying the
 * highest message id, the declarations in batch records of about {@value #CHUNK_BYTES} bytes, then one batch record
 * per live message (its stored-message operation copied from the segment it is in, and the queues holding it), the
 * XA branches in doubt, and an end record counting the batch records. The file is written under a temporary name,
 * synced, and renamed into place, so a crash leaves either no snapshot or a complete one.
 */
final class Compactor {
    static final int CHUNK_BYTES = 1 << 20;

    private final Path directory;
    private final ChannelOpener opener;
    private final boolean sync;

    /** A snapshot in place, and where it put each message: id and location, pair after pair. */
    record Snapshot(SegmentFile file, LongArrayList moved) {
    }

    Compactor(Path directory, ChannelOpener opener, boolean sync) {
        this.directory = directory;
        this.opener = opener;
        this.sync = sync;
    }

    /**
     * Writes the snapshot as segment {@code sequence}, reading message content with {@code reader};
     * {@code buffer} is scratch space, reset on return.
     */
    Snapshot writeSnapshot(LiveState state, MessageReader reader, long sequence, ByteWriter buffer)
            throws IOException {
        Path target = JournalFormat.segmentPath(directory, sequence);
        Path temporary = directory.resolve(target.getFileName() + JournalFormat.TMP_SUFFIX);
        LongArrayList moved = new LongArrayList();
        long size = 0;
        buffer.reset();
        try (FileChannel ch = opener.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            buffer.writeBytes(new SegmentHeader(sequence, true).encode());
            RecordCodec.writeSnapshotBegin(buffer, state.highestMessageId());
            List<StoreOperation> declarations = new ArrayList<>();
            state.entities().forEachDeclaration(declarations::add);
            int batches = writeChunks(buffer, declarations);
            MessageTable.Row row = new MessageTable.Row();
            for (long after = Long.MIN_VALUE; state.table().next(after, row); after = row.id) {
                int opAt = writeMessage(state, reader, row, buffer);
                moved.addLong(row.id);
                moved.addLong(MessageLocation.of(sequence, size + opAt));
                batches++;
                if (buffer.size() >= CHUNK_BYTES) {
                    size += drain(ch, buffer);
                }
            }
            List<StoreOperation> prepared = new ArrayList<>();
            state.entities().prepared().forEach(prepared::add);
            batches += writeChunks(buffer, prepared);
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
        return new Snapshot(new SegmentFile(sequence, target, size), moved);
    }

    private static int writeChunks(ByteWriter buffer, List<StoreOperation> ops) {
        int batches = 0;
        for (int next = 0; next < ops.size(); batches++) {
            next = RecordCodec.writeBatchChunk(buffer, ops, next, CHUNK_BYTES);
        }
        return batches;
    }

    /** Writes the message in {@code row} as one batch record; returns where its stored operation is in the buffer. */
    private static int writeMessage(LiveState state, MessageReader reader, MessageTable.Row row, ByteWriter buffer)
            throws IOException {
        int count = 1 + row.holdCount;
        for (int h = 0; h < row.holdCount; h++) {
            count += row.deliveryCounts[h] != 0 ? 1 : 0;
        }
        int start = RecordCodec.beginBatch(buffer, count);
        int opAt = buffer.size();
        reader.copyStored(row.id, row.location, buffer);
        for (int h = 0; h < row.holdCount; h++) {
            String virtualHost = state.virtualHostOf(row.queues[h]);
            String queue = state.queueNameOf(row.queues[h]);
            RecordCodec.writeOperation(buffer, new StoreOperation.MessageEnqueued(virtualHost, queue, row.id,
                    row.enqueuedAt[h]));
            if (row.deliveryCounts[h] != 0) {
                RecordCodec.writeOperation(buffer, new StoreOperation.DeliveryCountUpdated(virtualHost, queue, row.id,
                        row.deliveryCounts[h]));
            }
        }
        RecordCodec.endRecord(buffer, start);
        return opAt;
    }

    private static int drain(FileChannel ch, ByteWriter buffer) throws IOException {
        int n = buffer.size();
        SegmentLog.writeFully(ch, buffer.array(), 0, n);
        buffer.reset();
        return n;
    }
}
