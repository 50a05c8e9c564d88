package io.warren.broker.store.journal;

import io.warren.broker.store.StoreOperation;
import io.warren.message.MessageCodec;

/**
 * Rebuilds the {@link LiveState} from the records recovery reads, and measures what the snapshot the journal
 * starts with holds besides message records.
 */
final class StateSink implements RecordSink {
    private final LiveState state;
    private long snapshotOverhead;

    StateSink(LiveState state) {
        this.state = state;
    }

    /** How many bytes of the snapshot are not message records, 0 if there was none. */
    long snapshotOverhead() {
        return snapshotOverhead;
    }

    @Override
    public void batchStart(long recordOffset) {
    }

    @Override
    public void stored(long messageId, long location, int length, MessageCodec.Header header) {
        state.recovered(messageId, location, length, header);
    }

    @Override
    public void operation(StoreOperation op, byte[] encoded, int from, int to) {
        state.apply(op);
    }

    @Override
    public void batchEnd() {
    }

    @Override
    public void snapshotBegin(long highestMessageId) {
        state.noteHighestMessageId(highestMessageId);
    }

    @Override
    public void snapshotEnd(int batches, long endOffset) {
        snapshotOverhead = Math.max(0, endOffset - state.liveMessageBytes());
    }
}
