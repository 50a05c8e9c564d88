package io.warren.broker.store.journal;

import io.warren.message.ByteReader;
import io.warren.message.CorruptDataException;
import io.warren.message.MessageCodec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a segment's index (format in {@link JournalFormat}) for recovery: first checks all of it, then replays it
 * into a {@link RecordSink}, so that an index found wanting has changed nothing and the segment can be scanned
 * instead.
 */
final class IndexReader {
    private IndexReader() {
    }

    /**
     * What is wrong with the index at {@code path} for segment {@code sequence} of {@code segmentSize} bytes, or
     * null if it is complete, intact and of that segment as it is now.
     */
    static String problem(Path path, long sequence, long segmentSize) throws IOException {
        try (SegmentReader reader = new SegmentReader(path)) {
            if (reader.size() < JournalFormat.INDEX_HEADER_SIZE) {
                return "shorter than its header";
            }
            int at = reader.load(0, JournalFormat.INDEX_HEADER_SIZE);
            byte[] b = reader.array();
            ByteReader header = new ByteReader(b, at, JournalFormat.INDEX_HEADER_SIZE);
            int magic = header.readInt();
            int version = header.readShort();
            header.readShort();
            long indexed = header.readLong();
            long size = header.readLong();
            int crc = header.readInt();
            if (magic != JournalFormat.INDEX_MAGIC || crc != JournalFormat.crc(b, at, 24)) {
                return "bad header";
            }
            if (version != JournalFormat.INDEX_VERSION) {
                return "index format version " + version;
            }
            if (indexed != sequence || size != segmentSize) {
                return "it indexes " + size + " bytes of segment " + indexed + ", not " + segmentSize + " bytes of "
                        + sequence;
            }
            int records = 0;
            for (long position = JournalFormat.INDEX_HEADER_SIZE; position < reader.size(); records++) {
                if (!reader.readRecord(position)) {
                    return reader.problem() + " at offset " + position;
                }
                if (reader.type() == JournalFormat.INDEX_END) {
                    ByteReader in = new ByteReader(reader.array(), reader.payloadOffset(), reader.payloadLength());
                    boolean complete = in.readInt() == records && reader.end() == reader.size();
                    return complete ? null : "its end record does not match";
                }
                position = reader.end();
            }
            return "it has no end record";
        }
    }

    /** Replays an index {@link #problem} found valid into {@code sink}. */
    static void replay(Path path, RecordSink sink) throws IOException {
        try (SegmentReader reader = new SegmentReader(path)) {
            for (long position = JournalFormat.INDEX_HEADER_SIZE; reader.readRecord(position);
                 position = reader.end()) {
                ByteReader in = new ByteReader(reader.array(), reader.payloadOffset(), reader.payloadLength());
                switch (reader.type()) {
                    case JournalFormat.INDEX_BATCH -> batch(in, reader.array(), sink);
                    case JournalFormat.SNAPSHOT_BEGIN -> sink.snapshotBegin(in.readLong());
                    case JournalFormat.INDEX_SNAPSHOT_END -> sink.snapshotEnd(in.readInt(), in.readLong());
                    case JournalFormat.INDEX_END -> {
                        return;
                    }
                    default -> throw new CorruptDataException("unknown index record type " + reader.type());
                }
            }
        }
    }

    private static void batch(ByteReader in, byte[] array, RecordSink sink) {
        sink.batchStart(in.readLong());
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            int at = in.position();
            int tag = in.readByte();
            if (tag == IndexBuilder.SUMMARY) {
                long id = in.readLong();
                long location = in.readLong();
                int length = in.readInt();
                int priority = in.readByte() & 0xff;
                long expiration = in.readLong();
                long deliveryTime = in.readLong();
                int bodySize = in.readInt();
                sink.stored(id, location, length, new MessageCodec.Header(priority, expiration, deliveryTime,
                        bodySize));
            } else {
                sink.operation(RecordCodec.readOperation(tag, in), array, at, in.position());
            }
        }
        RecordCodec.requireEnd(in);
        sink.batchEnd();
    }
}
