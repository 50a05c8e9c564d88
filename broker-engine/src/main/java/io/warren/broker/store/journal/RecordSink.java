package io.warren.broker.store.journal;

import io.warren.broker.store.StoreOperation;
import io.warren.message.MessageCodec;

/**
 * Receives the records of a segment as recovery reads them, from the segment itself or from its index: the state
 * being rebuilt, and the index being written while a segment without one is scanned.
 */
interface RecordSink {
    /** A batch record starts at {@code recordOffset} of the segment. */
    void batchStart(long recordOffset);

    /** A stored message of the batch, at {@code location}, its operation {@code length} bytes long. */
    void stored(long messageId, long location, int length, MessageCodec.Header header);

    /** Any other operation of the batch, decoded and as encoded in {@code encoded[from, to)}. */
    void operation(StoreOperation op, byte[] encoded, int from, int to);

    void batchEnd();

    void snapshotBegin(long highestMessageId);

    /** The snapshot the segment starts with ends at {@code endOffset}, after {@code batches} batch records. */
    void snapshotEnd(int batches, long endOffset);

    /** A sink passing everything to {@code first}, then to {@code second}. */
    static RecordSink both(RecordSink first, RecordSink second) {
        return new RecordSink() {
            @Override
            public void batchStart(long recordOffset) {
                first.batchStart(recordOffset);
                second.batchStart(recordOffset);
            }

            @Override
            public void stored(long messageId, long location, int length, MessageCodec.Header header) {
                first.stored(messageId, location, length, header);
                second.stored(messageId, location, length, header);
            }

            @Override
            public void operation(StoreOperation op, byte[] encoded, int from, int to) {
                first.operation(op, encoded, from, to);
                second.operation(op, encoded, from, to);
            }

            @Override
            public void batchEnd() {
                first.batchEnd();
                second.batchEnd();
            }

            @Override
            public void snapshotBegin(long highestMessageId) {
                first.snapshotBegin(highestMessageId);
                second.snapshotBegin(highestMessageId);
            }

            @Override
            public void snapshotEnd(int batches, long endOffset) {
                first.snapshotEnd(batches, endOffset);
                second.snapshotEnd(batches, endOffset);
            }
        };
    }
}
