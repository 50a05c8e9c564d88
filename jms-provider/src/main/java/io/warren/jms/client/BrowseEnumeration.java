package io.warren.jms.client;

import io.warren.jms.message.MessageMapper;
import io.warren.jms.transport.BrowseCursor;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A queue browser's enumeration: fetches the next {@link #BATCH} messages from its {@link BrowseCursor} when the
 * ones in hand run out, so only one batch is held however deep the queue. Used by the application's thread; a
 * failure to fetch a batch is thrown from {@link #hasMoreElements} as a {@link jakarta.jms.JMSRuntimeException}
 * (ending silently would look like the end of the queue). The cursor is closed at the end of the walk, or with
 * its browser.
 */
final class BrowseEnumeration implements Enumeration<Message> {
    /** Messages fetched at once. */
    static final int BATCH = 256;

    private final BrowseCursor cursor;
    private final WarrenQueueBrowser browser;
    private final WarrenConnection connection;
    private List<io.warren.message.Message> batch = List.of();
    private Iterator<io.warren.message.Message> it = batch.iterator();
    private boolean exhausted;

    BrowseEnumeration(BrowseCursor cursor, WarrenQueueBrowser browser, WarrenConnection connection) {
        this.cursor = cursor;
        this.browser = browser;
        this.connection = connection;
    }

    @Override
    public boolean hasMoreElements() {
        if (browser.isClosed()) {
            return false;
        }
        if (!it.hasNext() && !exhausted) {
            try {
                batch = cursor.next(BATCH);
            } catch (JMSException e) {
                close();
                throw JmsExceptions.toRuntime(e);
            }
            it = batch.iterator();
            if (batch.isEmpty()) {
                close();
            }
        }
        return it.hasNext();
    }

    @Override
    public Message nextElement() {
        if (!hasMoreElements()) {
            throw new NoSuchElementException();
        }
        return MessageMapper.fromBroker(it.next(), connection.objectPolicy());
    }

    /** Ends the walk: the cursor lets go of what it holds on the broker. */
    void close() {
        exhausted = true;
        cursor.close();
        browser.enumerationClosed(this);
    }

    /** Messages of the current batch, the ones handed out included: what the enumeration holds. */
    int batchSize() {
        return batch.size();
    }
}
