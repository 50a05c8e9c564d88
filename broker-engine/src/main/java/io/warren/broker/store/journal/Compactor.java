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
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Writes a compaction's snapshot segment, on the compaction thread while the writer goes on: a header flagged as
 * snapshot, a begin record carrying the highest message id, a batch record per declaration, then one per message
 * still in the segments compacted (its stored-message operation copied from disk, and the queues holding it), one
 * per XA branch in doubt, and an end record counting the batch records. Declarations and branches are those of
 * when the compaction was planned; messages and their holds are read from the table as the copy goes, which is
 * sound because every change made since is also in the segments after the snapshot, and recovery applies those
 * after it. The segment is written under a temporary name and synced; the writer renames it into place. Its index
 * is written alongside and sealed. Buffers about {@value #CHUNK_BYTES} bytes at a time.
 */
final class Compactor {
    static final int CHUNK_BYTES = 1 << 20;
    /** How many messages are copied between checks whether the store is closing. */
    private static final int CHECK_EVERY = 1024;

    private final Path directory;
    private final ChannelOpener opener;
    private final boolean sync;

    /**
     * What a compaction copies: every segment up to {@code lastSequence}, into a snapshot at the sequence number
     * {@code snapshotSequence} left free after them, with the declarations and branches in doubt of that moment.
     */
    record Plan(long lastSequence, long snapshotSequence, long highestMessageId, List<StoreOperation> declarations,
                List<StoreOperation> prepared, long journalBytes, long startedNanos) {
    }

    /** A snapshot written and synced under {@code temporary}, {@code size} bytes, and its index in place. */
    record Snapshot(Plan plan, Path temporary, long size) {
        SegmentFile file(Path directory) {
            return new SegmentFile(plan.snapshotSequence(), JournalFormat.segmentPath(directory,
                    plan.snapshotSequence()), size);
        }
    }

    Compactor(Path directory, ChannelOpener opener, boolean sync) {
        this.directory = directory;
        this.opener = opener;
        this.sync = sync;
    }

    /**
     * Writes the snapshot {@code plan} describes, reading message content with {@code reader}; gives up with a
     * {@link java.util.concurrent.CancellationException} once {@code cancelled} says so, and {@code progress} is
     * told of each message copied (for tests).
     */
    Snapshot write(Plan plan, LiveState state, MessageReader reader, BooleanSupplier cancelled, Runnable progress)
            throws IOException {
        long sequence = plan.snapshotSequence();
        Path temporary = directory.resolve(JournalFormat.segmentFileName(sequence) + JournalFormat.TMP_SUFFIX);
        IndexBuilder index = IndexBuilder.createInPlace(directory, sequence, ChannelOpener.DEFAULT);
        ByteWriter buffer = new ByteWriter(CHUNK_BYTES + (64 << 10));
        Written out = new Written(buffer, index);
        try (FileChannel ch = opener.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            buffer.writeBytes(new SegmentHeader(sequence, true).encode());
            RecordCodec.writeSnapshotBegin(buffer, plan.highestMessageId());
            index.snapshotBegin(plan.highestMessageId());
            for (StoreOperation op : plan.declarations()) {
                out.single(op);
            }
            MessageTable.Row row = new MessageTable.Row();
            int copied = 0;
            for (long after = Long.MIN_VALUE; state.table().next(after, row); after = row.id) {
                if (MessageLocation.sequence(row.location) > plan.lastSequence()) {
                    continue;
                }
                if (++copied % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("the journal is closing");
                }
                long location = MessageLocation.of(sequence, out.drained + buffer.size()
                        + JournalFormat.RECORD_HEADER_SIZE + 1 + 4);
                out.message(state, reader, row, location);
                progress.run();
                if (buffer.size() >= CHUNK_BYTES) {
                    out.drain(ch);
                }
            }
            for (StoreOperation op : plan.prepared()) {
                out.single(op);
            }
            RecordCodec.writeSnapshotEnd(buffer, out.batches);
            index.snapshotEnd(out.batches, out.drained + buffer.size());
            out.drain(ch);
            if (sync) {
                ch.force(true);
            }
            index.seal(out.drained, false);
        } catch (IOException | RuntimeException e) {
            index.abandon();
            Files.deleteIfExists(temporary);
            Files.deleteIfExists(JournalFormat.indexPath(directory, sequence));
            throw e;
        }
        return new Snapshot(plan, temporary, out.drained);
    }

    /** Puts a written snapshot in place: from now on recovery starts with it. */
    SegmentFile install(Snapshot snapshot) throws IOException {
        SegmentFile file = snapshot.file(directory);
        Files.move(snapshot.temporary(), file.path(), StandardCopyOption.ATOMIC_MOVE);
        if (sync) {
            SegmentLog.syncDirectory(directory);
        }
        return file;
    }

    /** Deletes a snapshot that will not be installed, and its index. */
    void discard(Snapshot snapshot) {
        try {
            Files.deleteIfExists(snapshot.temporary());
            Files.deleteIfExists(JournalFormat.indexPath(directory, snapshot.plan().snapshotSequence()));
        } catch (IOException ignored) {
            // recovery deletes both: a temporary file and an index without its segment
        }
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
            int count = 1 + row.holds.count;
            for (int h = 0; h < row.holds.count; h++) {
                count += row.holds.deliveryCounts[h] != 0 ? 1 : 0;
            }
            int start = RecordCodec.beginBatch(buffer, count);
            index.batchStart(drained + start);
            int opAt = buffer.size();
            reader.copyStored(row.id, row.location, buffer);
            int length = buffer.size() - opAt;
            MessageCodec.Header header = MessageCodec.readHeader(new ByteReader(buffer.array(),
                    opAt + RecordCodec.STORED_HEADER, length - RecordCodec.STORED_HEADER));
            index.stored(row.id, location, length, header);
            for (int h = 0; h < row.holds.count; h++) {
                String virtualHost = state.virtualHostOf(row.holds.queues[h]);
                String queue = state.queueNameOf(row.holds.queues[h]);
                operation(new StoreOperation.MessageEnqueued(virtualHost, queue, row.id, row.holds.enqueuedAt[h]));
                if (row.holds.deliveryCounts[h] != 0) {
                    operation(new StoreOperation.DeliveryCountUpdated(virtualHost, queue, row.id,
                            row.holds.deliveryCounts[h]));
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
