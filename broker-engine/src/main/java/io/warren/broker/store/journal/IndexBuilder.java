package io.warren.broker.store.journal;

import io.warren.broker.store.StoreOperation;
import io.warren.message.ByteWriter;
import io.warren.message.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the index of one segment (format in {@link JournalFormat}) as the segment is written or scanned, under a
 * temporary name, and puts it in place once the segment is sealed. Buffers up to {@value #FLUSH_BYTES} bytes; what
 * a crash loses of an unsealed index does not matter, because recovery scans a segment without a sealed index.
 * Used by one thread at a time.
 */
final class IndexBuilder {
    /** Operation tag of a stored message in an index: its id, location, length and summary. */
    static final int SUMMARY = 14;
    private static final int FLUSH_BYTES = 256 << 10;

    private final long sequence;
    private final Path temporary;
    private final Path target;
    private final FileChannel channel;
    private final ByteWriter buffer = new ByteWriter(16 << 10);
    private long position = JournalFormat.INDEX_HEADER_SIZE;
    private int records;
    private int recordStart;
    private int countAt;
    private int operations;

    private IndexBuilder(long sequence, Path target, Path temporary, FileChannel channel) {
        this.sequence = sequence;
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    private static Path temporaryPath(Path target) {
        return target.resolveSibling(target.getFileName() + JournalFormat.TMP_SUFFIX);
    }

    /** Starts the index of segment {@code sequence}, replacing whatever a crash left of it. */
    static IndexBuilder create(Path directory, long sequence, ChannelOpener opener) throws IOException {
        Path target = JournalFormat.indexPath(directory, sequence);
        Files.deleteIfExists(target);
        Path temporary = temporaryPath(target);
        FileChannel ch = opener.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        return new IndexBuilder(sequence, target, temporary, ch);
    }

    /**
     * Starts the index of a segment not in place yet (a compaction's snapshot) under its final name: until its
     * header is written last it is not valid, and without its segment recovery deletes it.
     */
    static IndexBuilder createInPlace(Path directory, long sequence, ChannelOpener opener) throws IOException {
        Path target = JournalFormat.indexPath(directory, sequence);
        FileChannel ch = opener.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        return new IndexBuilder(sequence, target, target, ch);
    }

    long sequence() {
        return sequence;
    }

    void batchStart(long recordOffset) {
        recordStart = RecordCodec.beginRecord(buffer, JournalFormat.INDEX_BATCH);
        buffer.writeLong(recordOffset);
        countAt = buffer.size();
        buffer.writeInt(0);
        operations = 0;
    }

    void stored(long messageId, long location, int length, MessageCodec.Header header) {
        buffer.writeByte(SUMMARY).writeLong(messageId).writeLong(location).writeInt(length)
                .writeByte(header.priority()).writeLong(header.expiration()).writeLong(header.deliveryTime())
                .writeInt(header.bodySize());
        operations++;
    }

    /** An operation other than a stored message, as the segment encodes it. */
    void operation(byte[] encoded, int from, int to) {
        buffer.writeBytes(encoded, from, to - from);
        operations++;
    }

    void batchEnd() throws IOException {
        buffer.putInt(countAt, operations);
        RecordCodec.endRecord(buffer, recordStart);
        records++;
        if (buffer.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    void snapshotBegin(long highestMessageId) {
        RecordCodec.writeSnapshotBegin(buffer, highestMessageId);
        records++;
    }

    void snapshotEnd(int batches, long endOffset) {
        int start = RecordCodec.beginRecord(buffer, JournalFormat.INDEX_SNAPSHOT_END);
        buffer.writeInt(batches).writeLong(endOffset);
        RecordCodec.endRecord(buffer, start);
        records++;
    }

    private void flush() throws IOException {
        write(buffer.array(), buffer.size(), position);
        position += buffer.size();
        buffer.reset();
    }

    private void write(byte[] data, int length, long at) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(data, 0, length);
        long p = at;
        while (bb.hasRemaining()) {
            p += channel.write(bb, p);
        }
    }

    /**
     * Completes the index of a segment now {@code segmentSize} bytes long and sealed, and renames it into place.
     * Synced first unless {@code sync} is false; the directory is not synced: an index lost in a crash is rebuilt.
     */
    void seal(long segmentSize, boolean sync) throws IOException {
        int start = RecordCodec.beginRecord(buffer, JournalFormat.INDEX_END);
        buffer.writeInt(records);
        RecordCodec.endRecord(buffer, start);
        flush();
        ByteWriter header = new ByteWriter(JournalFormat.INDEX_HEADER_SIZE);
        header.writeInt(JournalFormat.INDEX_MAGIC).writeShort(JournalFormat.INDEX_VERSION).writeShort(0)
                .writeLong(sequence).writeLong(segmentSize);
        header.writeInt(JournalFormat.crc(header.array(), 0, header.size()));
        write(header.array(), header.size(), 0);
        if (sync) {
            channel.force(true);
        }
        channel.close();
        if (!temporary.equals(target)) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Gives the index up: closes and deletes it. */
    void abandon() {
        try {
            channel.close();
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // recovery deletes a temporary index it finds
        }
    }

    /** Feeds the index from records recovery reads, as one side of {@link RecordSink#both}. */
    RecordSink sink() {
        return new RecordSink() {
            @Override
            public void batchStart(long recordOffset) {
                IndexBuilder.this.batchStart(recordOffset);
            }

            @Override
            public void stored(long messageId, long location, int length, MessageCodec.Header header) {
                IndexBuilder.this.stored(messageId, location, length, header);
            }

            @Override
            public void operation(StoreOperation op, byte[] encoded, int from, int to) {
                IndexBuilder.this.operation(encoded, from, to);
            }

            @Override
            public void batchEnd() {
                try {
                    IndexBuilder.this.batchEnd();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void snapshotBegin(long highestMessageId) {
                IndexBuilder.this.snapshotBegin(highestMessageId);
            }

            @Override
            public void snapshotEnd(int batches, long endOffset) {
                IndexBuilder.this.snapshotEnd(batches, endOffset);
            }
        };
    }
}
