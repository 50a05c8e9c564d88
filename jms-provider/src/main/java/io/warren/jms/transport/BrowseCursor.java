package io.warren.jms.transport;

import io.warren.message.Message;
import jakarta.jms.JMSException;
import java.util.List;

/**
 * A walk through a queue's messages, without taking them, a batch at a time: what a queue browser's
 * enumeration reads from. Batches come in delivery order; a message is never returned twice, and one that stays
 * in the queue throughout the walk is returned (messages that arrive or leave meanwhile may or may not be). Used
 * by one thread at a time, but {@link #close()} may come from any.
 */
public interface BrowseCursor {
    /** The next at most {@code max} messages; empty once the walk has reached the end of the queue. */
    List<Message> next(int max) throws JMSException;

    /** Gives up the walk and what it holds on the broker; further {@link #next} calls return nothing. */
    void close();
}
