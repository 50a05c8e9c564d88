package io.warren.broker.store.journal;

import io.warren.broker.exchange.ExchangeType;
import io.warren.message.ByteReader;
import io.warren.message.ByteWriter;
import io.warren.message.CorruptDataException;
import io.warren.message.Message;
import io.warren.message.MessageCodec;
import io.warren.message.ValueCodec;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.StoreOperation;
import io.warren.broker.store.StoreOperation.BindingCreated;
import io.warren.broker.store.StoreOperation.BindingDeleted;
import io.warren.broker.store.StoreOperation.DeliveryCountUpdated;
import io.warren.broker.store.StoreOperation.ExchangeCreated;
import io.warren.broker.store.StoreOperation.ExchangeDeleted;
import io.warren.broker.store.StoreOperation.MessageDequeued;
import io.warren.broker.store.StoreOperation.MessageEnqueued;
import io.warren.broker.store.StoreOperation.MessageStored;
import io.warren.broker.store.StoreOperation.QueueCreated;
import io.warren.broker.store.StoreOperation.QueueDeleted;
import io.warren.broker.store.StoreOperation.TransactionEnded;
import io.warren.broker.store.StoreOperation.TransactionPrepared;
import io.warren.broker.tx.TransactionId;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes journal records into a {@link ByteWriter} and decodes their payloads. A batch payload is an int
 * operation count followed by the operations, each a tag byte and its fields: strings as
 * {@link ByteWriter#writeString}, argument maps as {@link ValueCodec#writeMap}. A stored message is its id (long),
 * the CRC32C (int) and length (int) of its {@link io.warren.message.Message#encoded()} form, then that form inline
 * (checksum before length, so that the operation never looks like a record to the search for intact records):
 * checked on its own, it can be read back from the segment without the rest of its record
 * ({@value #STORED_HEADER} bytes before the content). Journals of the earlier format hold stored messages as the id
 * followed by the encoded form, unchecked; they are still read.
 */
final class RecordCodec {
    private static final int EXCHANGE_CREATED = 1;
    private static final int EXCHANGE_DELETED = 2;
    private static final int QUEUE_CREATED = 3;
    private static final int QUEUE_DELETED = 4;
    private static final int BINDING_CREATED = 5;
    private static final int BINDING_DELETED = 6;
    private static final int MESSAGE_STORED = 7;
    private static final int MESSAGE_ENQUEUED = 8;
    private static final int MESSAGE_DEQUEUED = 9;
    private static final int DELIVERY_COUNT_UPDATED = 10;
    private static final int TRANSACTION_PREPARED = 11;
    private static final int TRANSACTION_ENDED = 12;
    /** A stored message with its own length and checksum. */
    static final int MESSAGE_STORED_CHECKED = 13;
    /** Bytes of a checked stored-message operation before the encoded message: tag, id, CRC, length. */
    static final int STORED_HEADER = 17;

    /**
     * Receives the operations of a batch as recovery decodes them: stored messages without their content, every
     * other operation whole.
     */
    interface BatchVisitor {
        /**
         * A stored message.
         *
         * @param at      where its operation starts, relative to the payload; -1 for the earlier format, whose
         *                operation can only be read back with its whole record
         * @param length  bytes of the operation
         * @param header  what the queue needs of it without the body
         */
        void stored(long messageId, int at, int length, MessageCodec.Header header);

        /** Any other operation, encoded in the reader's array from {@code from} to {@code to}. */
        void operation(StoreOperation op, int from, int to);
    }

    private RecordCodec() {
    }

    static void writeBatch(ByteWriter w, List<StoreOperation> ops) {
        writeBatch(w, ops, null);
    }

    /** Writes a batch record; {@code opStarts}, when given, receives where each operation starts in {@code w}. */
    static void writeBatch(ByteWriter w, List<StoreOperation> ops, int[] opStarts) {
        int start = begin(w, JournalFormat.BATCH);
        w.writeInt(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            if (opStarts != null) {
                opStarts[i] = w.size();
            }
            writeOperation(w, ops.get(i));
        }
        end(w, start);
    }

    /** Starts a batch record of {@code count} operations the caller writes; {@link #endRecord} finishes it. */
    static int beginBatch(ByteWriter w, int count) {
        int start = begin(w, JournalFormat.BATCH);
        w.writeInt(count);
        return start;
    }

    /** Starts a record of {@code type} whose payload the caller writes; {@link #endRecord} finishes it. */
    static int beginRecord(ByteWriter w, byte type) {
        return begin(w, type);
    }

    /** Fills in the length and checksum of the record begun at {@code start}. */
    static void endRecord(ByteWriter w, int start) {
        end(w, start);
    }

    static void writeSnapshotBegin(ByteWriter w, long highestMessageId) {
        int start = begin(w, JournalFormat.SNAPSHOT_BEGIN);
        w.writeLong(highestMessageId);
        end(w, start);
    }

    static void writeSnapshotEnd(ByteWriter w, int batchRecords) {
        int start = begin(w, JournalFormat.SNAPSHOT_END);
        w.writeInt(batchRecords);
        end(w, start);
    }

    private static int begin(ByteWriter w, byte type) {
        int start = w.size();
        w.writeInt(0).writeInt(0).writeByte(type);
        return start;
    }

    private static void end(ByteWriter w, int start) {
        int length = w.size() - start - JournalFormat.RECORD_HEADER_SIZE;
        w.putInt(start, length);
        w.putInt(start + 4, JournalFormat.crc(w.array(), start + JournalFormat.RECORD_HEADER_SIZE, length));
    }

    static void writeOperation(ByteWriter w, StoreOperation op) {
        if (op instanceof MessageStored m) {
            byte[] encoded = m.message().encoded();
            writeStored(w, m.messageId(), encoded);
            m.message().discardEncoded();
        } else if (op instanceof MessageEnqueued m) {
            w.writeByte(MESSAGE_ENQUEUED).writeString(m.virtualHost()).writeString(m.queue()).writeLong(m.messageId())
                    .writeLong(m.enqueuedAt());
        } else if (op instanceof MessageDequeued m) {
            w.writeByte(MESSAGE_DEQUEUED).writeString(m.virtualHost()).writeString(m.queue()).writeLong(m.messageId());
        } else if (op instanceof DeliveryCountUpdated d) {
            w.writeByte(DELIVERY_COUNT_UPDATED).writeString(d.virtualHost()).writeString(d.queue())
                    .writeLong(d.messageId()).writeInt(d.deliveryCount());
        } else if (op instanceof ExchangeCreated e) {
            ExchangeRecord x = e.exchange();
            w.writeByte(EXCHANGE_CREATED).writeString(x.virtualHost()).writeString(x.name())
                    .writeString(x.type() == null ? null : x.type().amqpName())
                    .writeByte(x.autoDelete() ? 1 : 0).writeByte(x.internal() ? 1 : 0);
            ValueCodec.writeMap(w, x.arguments());
        } else if (op instanceof ExchangeDeleted e) {
            w.writeByte(EXCHANGE_DELETED).writeString(e.virtualHost()).writeString(e.name());
        } else if (op instanceof QueueCreated q) {
            QueueRecord x = q.queue();
            w.writeByte(QUEUE_CREATED).writeString(x.virtualHost()).writeString(x.name())
                    .writeByte(x.autoDelete() ? 1 : 0);
            ValueCodec.writeMap(w, x.arguments());
        } else if (op instanceof QueueDeleted q) {
            w.writeByte(QUEUE_DELETED).writeString(q.virtualHost()).writeString(q.name());
        } else if (op instanceof BindingCreated b) {
            w.writeByte(BINDING_CREATED);
            writeBinding(w, b.binding());
        } else if (op instanceof BindingDeleted b) {
            w.writeByte(BINDING_DELETED);
            writeBinding(w, b.binding());
        } else if (op instanceof TransactionPrepared t) {
            w.writeByte(TRANSACTION_PREPARED).writeString(t.virtualHost());
            writeTransactionId(w, t.xid());
            w.writeInt(t.publishes().size());
            for (Message m : t.publishes()) {
                w.writeBytes(m.encoded());
            }
            w.writeInt(t.acks().size());
            for (TransactionPrepared.Ack a : t.acks()) {
                w.writeString(a.queue()).writeLong(a.messageId());
            }
        } else if (op instanceof TransactionEnded t) {
            w.writeByte(TRANSACTION_ENDED).writeString(t.virtualHost());
            writeTransactionId(w, t.xid());
        } else {
            throw new IllegalArgumentException("unknown store operation " + op);
        }
    }

    /** Writes a checked stored-message operation holding {@code encoded}. */
    static void writeStored(ByteWriter w, long messageId, byte[] encoded) {
        w.writeByte(MESSAGE_STORED_CHECKED).writeLong(messageId).writeInt(JournalFormat.crc(encoded, 0, encoded.length))
                .writeInt(encoded.length).writeBytes(encoded);
    }

    private static void writeTransactionId(ByteWriter w, TransactionId xid) {
        w.writeInt(xid.formatId()).writeBlob(xid.globalId()).writeBlob(xid.branchQualifier());
    }

    private static TransactionId readTransactionId(ByteReader r) {
        int formatId = r.readInt();
        byte[] global = r.readBlob();
        byte[] branch = r.readBlob();
        try {
            return new TransactionId(formatId, global, branch);
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException("bad transaction id: " + e.getMessage());
        }
    }

    private static TransactionPrepared readPrepared(ByteReader r) {
        String virtualHost = r.readString();
        TransactionId xid = readTransactionId(r);
        int publishCount = count(r);
        List<Message> publishes = new ArrayList<>(Math.min(publishCount, 1024));
        for (int i = 0; i < publishCount; i++) {
            publishes.add(MessageCodec.decode(r));
        }
        int ackCount = count(r);
        List<TransactionPrepared.Ack> acks = new ArrayList<>(Math.min(ackCount, 1024));
        for (int i = 0; i < ackCount; i++) {
            acks.add(new TransactionPrepared.Ack(r.readString(), r.readLong()));
        }
        return new TransactionPrepared(virtualHost, xid, publishes, acks);
    }

    private static int count(ByteReader r) {
        int n = r.readInt();
        if (n < 0) {
            throw new CorruptDataException("negative count " + n);
        }
        return n;
    }

    private static void writeBinding(ByteWriter w, BindingRecord b) {
        w.writeString(b.virtualHost()).writeString(b.source()).writeString(b.destination())
                .writeByte(b.destinationIsQueue() ? 1 : 0).writeString(b.routingKey());
        ValueCodec.writeMap(w, b.arguments());
    }

    /** Reads a batch payload (after the type byte); throws {@link CorruptDataException} if it is malformed. */
    static List<StoreOperation> readBatch(ByteReader r) {
        int count = r.readInt();
        if (count < 0) {
            throw new CorruptDataException("negative operation count " + count);
        }
        List<StoreOperation> ops = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            ops.add(readOperation(r));
        }
        requireEnd(r);
        return ops;
    }

    static void requireEnd(ByteReader r) {
        if (r.hasRemaining()) {
            throw new CorruptDataException("unexpected bytes after the record's content at offset " + r.position());
        }
    }

    /**
     * Reads a batch payload (after the type byte) for recovery, handing stored messages to {@code visitor} without
     * decoding their content; {@code payloadStart} is where the payload starts in {@code r}'s array.
     */
    static void readBatch(ByteReader r, int payloadStart, BatchVisitor visitor) {
        int count = r.readInt();
        if (count < 0) {
            throw new CorruptDataException("negative operation count " + count);
        }
        for (int i = 0; i < count; i++) {
            int at = r.position();
            int tag = r.readByte();
            if (tag == MESSAGE_STORED_CHECKED) {
                long id = r.readLong();
                r.readInt();
                int length = r.readInt();
                int contentStart = r.position();
                MessageCodec.Header header = MessageCodec.readHeader(r);
                if (r.position() - contentStart != length) {
                    throw new CorruptDataException("stored message " + id + " is " + (r.position() - contentStart)
                            + " bytes, its operation says " + length);
                }
                visitor.stored(id, at - payloadStart, r.position() - at, header);
            } else if (tag == MESSAGE_STORED) {
                long id = r.readLong();
                visitor.stored(id, -1, 0, MessageCodec.readHeader(r));
            } else {
                visitor.operation(readOperation(tag, r), at, r.position());
            }
        }
        requireEnd(r);
    }

    /**
     * Checks that the {@value #STORED_HEADER} bytes at {@code b[at]} begin the checked stored-message operation of
     * {@code messageId} and returns the length of the encoded message that follows them.
     */
    static int storedLength(byte[] b, int at, long messageId) {
        int tag = b[at];
        long id = ((long) JournalFormat.readInt(b, at + 1) << 32) | (JournalFormat.readInt(b, at + 5) & 0xffffffffL);
        int length = JournalFormat.readInt(b, at + 13);
        if (tag != MESSAGE_STORED_CHECKED || id != messageId || length < 0) {
            throw new CorruptDataException("expected the stored message " + messageId + ", found operation " + tag
                    + (tag == MESSAGE_STORED_CHECKED ? " of message " + id + " (" + length + " bytes)" : ""));
        }
        return length;
    }

    /** Whether the encoded message after the stored-message operation header at {@code b[at]} matches its CRC. */
    static boolean storedIntact(byte[] b, int at, int length) {
        return JournalFormat.crc(b, at + STORED_HEADER, length) == JournalFormat.readInt(b, at + 9);
    }

    static StoreOperation readOperation(ByteReader r) {
        return readOperation(r.readByte(), r);
    }

    /** Reads the operation whose tag was just read. */
    static StoreOperation readOperation(int tag, ByteReader r) {
        return switch (tag) {
            case MESSAGE_STORED -> new MessageStored(r.readLong(), MessageCodec.decode(r));
            case MESSAGE_STORED_CHECKED -> readChecked(r);
            case MESSAGE_ENQUEUED -> new MessageEnqueued(r.readString(), r.readString(), r.readLong(), r.readLong());
            case MESSAGE_DEQUEUED -> new MessageDequeued(r.readString(), r.readString(), r.readLong());
            case DELIVERY_COUNT_UPDATED -> new DeliveryCountUpdated(r.readString(), r.readString(), r.readLong(),
                    r.readInt());
            case EXCHANGE_CREATED -> new ExchangeCreated(new ExchangeRecord(r.readString(), r.readString(),
                    exchangeType(r.readString()), r.readByte() != 0, r.readByte() != 0, ValueCodec.readMap(r)));
            case EXCHANGE_DELETED -> new ExchangeDeleted(r.readString(), r.readString());
            case QUEUE_CREATED -> new QueueCreated(new QueueRecord(r.readString(), r.readString(), r.readByte() != 0,
                    ValueCodec.readMap(r)));
            case QUEUE_DELETED -> new QueueDeleted(r.readString(), r.readString());
            case BINDING_CREATED -> new BindingCreated(readBinding(r));
            case BINDING_DELETED -> new BindingDeleted(readBinding(r));
            case TRANSACTION_PREPARED -> readPrepared(r);
            case TRANSACTION_ENDED -> new TransactionEnded(r.readString(), readTransactionId(r));
            default -> throw new CorruptDataException("unknown store operation tag " + tag);
        };
    }

    private static MessageStored readChecked(ByteReader r) {
        long id = r.readLong();
        r.readInt();
        int length = r.readInt();
        int start = r.position();
        Message m = MessageCodec.decode(r);
        if (r.position() - start != length) {
            throw new CorruptDataException("stored message " + id + " is " + (r.position() - start)
                    + " bytes, its operation says " + length);
        }
        return new MessageStored(id, m);
    }

    private static BindingRecord readBinding(ByteReader r) {
        return new BindingRecord(r.readString(), r.readString(), r.readString(), r.readByte() != 0, r.readString(),
                ValueCodec.readMap(r));
    }

    private static ExchangeType exchangeType(String name) {
        if (name == null) {
            return null;
        }
        for (ExchangeType t : ExchangeType.values()) {
            if (t.amqpName().equals(name)) {
                return t;
            }
        }
        throw new CorruptDataException("unknown exchange type '" + name + "'");
    }
}
