package io.warren.broker.store.journal;

import static io.warren.broker.store.journal.JournalFormat.RECORD_HEADER_SIZE;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.store.StoreOperation;
import io.warren.message.ByteReader;
import io.warren.message.ByteWriter;
import io.warren.message.CorruptDataException;
import io.warren.message.Message;
import io.warren.message.MessageCodec;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads stored messages back from the segments, from any thread, with positional reads that share the segments'
 * channels. A read looks the message's location up in the {@link MessageTable}, reads its stored-message operation
 * and checks the operation's checksum. If compaction moved the message meanwhile and retired the segment it was in,
 * the read finds the channel closed and tries again at the new location.
 */
final class MessageReader {
    /** Bytes read at first: the whole operation of most messages, so one read suffices. */
    private static final int FIRST_READ = 4096;
    /** Times a read follows a message that compaction keeps moving, before giving up. */
    private static final int ATTEMPTS = 8;

    private final Path directory;
    private final MessageTable table;
    private final SegmentChannels channels;

    MessageReader(Path directory, MessageTable table, SegmentChannels channels) {
        this.directory = directory;
        this.table = table;
        this.channels = channels;
    }

    /**
     * The content of a message the table holds.
     *
     * @throws BrokerException {@code STORE_ERROR} if no queue holds the message, its operation fails its checksum,
     *                         or the segment cannot be read
     */
    Message read(long messageId) {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long location = table.location(messageId);
            if (location == MessageLocation.NONE) {
                throw new BrokerException(ErrorCode.STORE_ERROR, "cannot read message " + messageId + " from the "
                        + "journal in " + directory + ": no queue holds it");
            }
            try {
                return MessageLocation.isRecord(location) ? readFromRecord(messageId, location)
                        : MessageCodec.decode(readStored(messageId, location));
            } catch (ClosedByInterruptException e) {
                Thread.currentThread().interrupt();
                throw readError(messageId, location, e);
            } catch (ClosedChannelException e) {
                // compaction retired the segment, or another reader was interrupted: look again
                last = e;
            } catch (NoSuchFileException e) {
                // compaction deleted the segment: the message is found where it moved once the move ends
                last = e;
                awaitMoves(messageId, e);
            } catch (IOException e) {
                throw readError(messageId, location, e);
            }
        }
        throw new BrokerException(ErrorCode.STORE_ERROR, "cannot read message " + messageId + " from the journal in "
                + directory + ": its segment kept going away (" + last + ")", last);
    }

    private void awaitMoves(long messageId, NoSuchFileException cause) {
        try {
            channels.awaitMoves();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(ErrorCode.STORE_ERROR, "interrupted while reading message " + messageId
                    + " from the journal in " + directory + " (" + cause + ")", e);
        }
    }

    /**
     * Appends the stored-message operation at {@code location} to {@code out} as it is on disk, after checking it;
     * used by compaction to copy a message without decoding it.
     */
    void copyStored(long messageId, long location, ByteWriter out) throws IOException {
        if (MessageLocation.isRecord(location)) {
            RecordCodec.writeOperation(out, new StoreOperation.MessageStored(messageId,
                    readFromRecord(messageId, location)));
            return;
        }
        byte[] content = readStored(messageId, location);
        RecordCodec.writeStored(out, messageId, content);
    }

    /** The encoded message of the checked operation at {@code location}, after checking its checksum. */
    private byte[] readStored(long messageId, long location) throws IOException {
        FileChannel ch = channels.get(MessageLocation.sequence(location));
        long offset = MessageLocation.offset(location);
        byte[] head = new byte[FIRST_READ];
        int got = readAtMost(ch, head, offset);
        if (got < RecordCodec.STORED_HEADER) {
            throw new EOFException("the segment ends at offset " + (offset + got)
                    + ", inside the message's operation (not written yet?)");
        }
        int length;
        try {
            length = RecordCodec.storedLength(head, 0, messageId);
        } catch (CorruptDataException e) {
            throw corrupt(messageId, location, e.getMessage());
        }
        byte[] op = head;
        int total = RecordCodec.STORED_HEADER + length;
        if (total > got) {
            op = Arrays.copyOf(head, total);
            readFully(ch, op, got, offset + got);
        }
        if (!RecordCodec.storedIntact(op, 0, length)) {
            throw corrupt(messageId, location, "checksum mismatch");
        }
        return Arrays.copyOfRange(op, RecordCodec.STORED_HEADER, total);
    }

    /** Reads a message of the earlier format: checks its whole record and finds the message in it. */
    private Message readFromRecord(long messageId, long location) throws IOException {
        FileChannel ch = channels.get(MessageLocation.sequence(location));
        long offset = MessageLocation.offset(location);
        byte[] header = new byte[RECORD_HEADER_SIZE];
        readFully(ch, header, 0, offset);
        int length = JournalFormat.readInt(header, 0);
        if (length < 1 || length > ch.size() - offset - RECORD_HEADER_SIZE) {
            throw corrupt(messageId, location, "record length " + length + " does not fit in the segment");
        }
        byte[] record = new byte[length];
        readFully(ch, record, 0, offset + RECORD_HEADER_SIZE);
        if (JournalFormat.crc(record, 0, length) != JournalFormat.readInt(header, 4)) {
            throw corrupt(messageId, location, "record checksum mismatch");
        }
        try {
            for (StoreOperation op : RecordCodec.readBatch(new ByteReader(record, 1, length - 1))) {
                if (op instanceof StoreOperation.MessageStored m && m.messageId() == messageId) {
                    return m.message();
                }
            }
        } catch (CorruptDataException e) {
            throw corrupt(messageId, location, e.getMessage());
        }
        throw corrupt(messageId, location, "the record does not store the message");
    }

    private static int readAtMost(FileChannel ch, byte[] into, long position) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(into);
        long at = position;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return bb.position();
    }

    private static void readFully(FileChannel ch, byte[] into, int from, long position) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(into, from, into.length - from);
        long at = position;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, at);
            if (n < 0) {
                throw new EOFException("the segment ends at offset " + at + " (not written yet?)");
            }
            at += n;
        }
    }

    private BrokerException corrupt(long messageId, long location, String problem) {
        return new BrokerException(ErrorCode.STORE_ERROR, "cannot read message " + messageId + ": journal segment "
                + JournalFormat.segmentPath(directory, MessageLocation.sequence(location)) + " is corrupt at offset "
                + MessageLocation.offset(location) + ": " + problem);
    }

    private BrokerException readError(long messageId, long location, IOException e) {
        return new BrokerException(ErrorCode.STORE_ERROR, "cannot read message " + messageId + " from "
                + JournalFormat.segmentPath(directory, MessageLocation.sequence(location)) + " at offset "
                + MessageLocation.offset(location) + ": " + e, e);
    }
}
