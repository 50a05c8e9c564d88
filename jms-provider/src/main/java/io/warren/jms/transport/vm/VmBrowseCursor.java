package io.warren.jms.transport.vm;

import io.warren.broker.BrokerException;
import io.warren.broker.BrowseBatch;
import io.warren.broker.BrowsePosition;
import io.warren.broker.Channel;
import io.warren.jms.transport.BrowseCursor;
import io.warren.message.Message;
import jakarta.jms.JMSException;
import java.util.List;

/**
 * A browse of a queue in the engine, a batch at a time from the position the last batch ended at: the queue is
 * looked at for each batch, so nothing but the batch in hand is held. Used by one thread at a time.
 */
final class VmBrowseCursor implements BrowseCursor {
    private final Channel channel;
    private final String queue;
    private final String selector;
    private BrowsePosition position = BrowsePosition.START;
    /** The first batch, read when the cursor is opened so that a queue that cannot be browsed fails there. */
    private List<Message> first;
    private volatile boolean closed;

    private VmBrowseCursor(Channel channel, String queue, String selector) {
        this.channel = channel;
        this.queue = queue;
        this.selector = selector;
    }

    /** Opens a cursor, reading the first (small) batch to check that the queue can be browsed. */
    static VmBrowseCursor open(Channel channel, String queue, String selector) throws JMSException {
        VmBrowseCursor cursor = new VmBrowseCursor(channel, queue, selector);
        cursor.first = cursor.next(1);
        return cursor;
    }

    @Override
    public List<Message> next(int max) throws JMSException {
        if (closed) {
            return List.of();
        }
        if (first != null) {
            List<Message> batch = first;
            first = null;
            if (!batch.isEmpty() || position.isDone()) {
                return batch;
            }
        }
        try {
            // A selector may match nothing in a batch's worth of messages: go on until something or the end.
            while (!position.isDone()) {
                BrowseBatch batch = channel.browse(queue, selector, position, max);
                position = batch.next();
                if (!batch.messages().isEmpty()) {
                    return batch.messages();
                }
            }
            return List.of();
        } catch (BrokerException e) {
            throw EngineErrors.toJms(e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
