package io.warren.broker.store.journal;

import io.warren.broker.store.StoreOperation;
import io.warren.message.ByteReader;
import io.warren.message.ByteWriter;
import io.warren.message.MessageCodec;
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
 * highest message id, a batch record per declaration, then one per live message (its stored-message operation
 * copied from the segment it is in, and the queues holding it), one per XA branch in doubt, and an end record
 * counting the batch records. The file is written under a temporary name, synced, and renamed into place, so a
 * crash leaves either no snapshot or a complete one. Its index is written alongside and left open, as the
 * snapshot becomes the active segment. Buffers about {@value #CHUNK_BYTES} bytes at a time.
 */
final class Compactor {
    static final int CHUNK_BYTES = 1 << 20;

    private final Path directory;
    private final ChannelOpener opener;
    private final boolean sync;

    /** A snapshot in place, its open index, and where it put each message: id and location, pair after pair. */
    record Snapshot(SegmentFile file, IndexBuilder index, LongArrayList moved) {
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
        IndexBuilder index = IndexBuilder.create(directory, sequence, ChannelOpener.DEFAULT);
        Written out = new Written(buffer, index);
        buffer.reset();
        try (FileChannel ch = opener.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            buffer.writeBytes(new SegmentHeader(sequence, true).encode());
            RecordCodec.writeSnapshotBegin(buffer, state.highestMessageId());
            index.snapshotBegin(state.highestMessageId());
            List<StoreOperation> declarations = new ArrayList<>();
            state.entities().forEachDeclaration(declarations::add);
            for (StoreOperation op : declarations) {
                out.single(op);
            }
            MessageTable.Row row = new MessageTable.Row();
            for (long after = Long.MIN_VALUE; state.table().next(after, row); after = row.id) {
                long location = MessageLocation.of(sequence, out.drained + buffer.size()
                        + JournalFormat.RECORD_HEADER_SIZE + 1 + 4);
                out.message(state, reader, row, location);
                moved.addLong(row.id);
                moved.addLong(location);
                if (buffer.size() >= CHUNK_BYTES) {
                    out.drain(ch);
                }
            }
            for (StoreOperation op : state.entities().prepared()) {
                out.single(op);
            }
            RecordCodec.writeSnapshotEnd(buffer, out.batches);
            index.snapshotEnd(out.batches, out.drained + buffer.size());
            out.drain(ch);
            if (sync) {
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            buffer.reset();
            index.abandon();
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        if (sync) {
            SegmentLog.syncDirectory(directory);
        }
        return new Snapshot(new SegmentFile(sequence, target, out.drained), index, moved);
    }

    /** The snapshot's records as they are written: to the buffer, then the file, and to the index. */
    private static final class Written {
        final ByteWriter buffer;
        final IndexBuilder index;
        long drained;
        int batches;

        Written(ByteWriter buffer, IndexBuilder index) {
            this.buffer = buffer;
            this.index = index;
        }

        /** Writes a batch record of one operation. */
        void single(StoreOperation op) throws IOException {
            int start = buffer.size();
            int[] opStart = new int[1];
            RecordCodec.writeBatch(buffer, List.of(op), opStart);
            index.batchStart(drained + start);
            index.operation(buffer.array(), opStart[0], buffer.size());
            index.batchEnd();
            batches++;
        }

        /** Writes the message in {@code row} as one batch record, its stored operation at {@code location}. */
        void message(LiveState state, MessageReader reader, MessageTable.Row row, long location) throws IOException {
            int count = 1 + row.holdCount;
            for (int h = 0; h < row.holdCount; h++) {
                count += row.deliveryCounts[h] != 0 ? 1 : 0;
            }
            int start = RecordCodec.beginBatch(buffer, count);
            index.batchStart(drained + start);
            int opAt = buffer.size();
            reader.copyStored(row.id, row.location, buffer);
            int length = buffer.size() - opAt;
            MessageCodec.Header header = MessageCodec.readHeader(new ByteReader(buffer.array(),
                    opAt + RecordCodec.STORED_HEADER, length - RecordCodec.STORED_HEADER));
            index.stored(row.id, location, length, header);
            for (int h = 0; h < row.holdCount; h++) {
                String virtualHost = state.virtualHostOf(row.queues[h]);
                String queue = state.queueNameOf(row.queues[h]);
                operation(new StoreOperation.MessageEnqueued(virtualHost, queue, row.id, row.enqueuedAt[h]));
                if (row.deliveryCounts[h] != 0) {
                    operation(new StoreOperation.DeliveryCountUpdated(virtualHost, queue, row.id,
                            row.deliveryCounts[h]));
                }
            }
            RecordCodec.endRecord(buffer, start);
            index.batchEnd();
            batches++;
        }

        private void operation(StoreOperation op) {
            int at = buffer.size();
            RecordCodec.writeOperation(buffer, op);
            index.operation(buffer.array(), at, buffer.size());
        }

        void drain(FileChannel ch) throws IOException {
            int n = buffer.size();
            SegmentLog.writeFully(ch, buffer.array(), 0, n);
            buffer.reset();
            drained += n;
        }
    }
}
