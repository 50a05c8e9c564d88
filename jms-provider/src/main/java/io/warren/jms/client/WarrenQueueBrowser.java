package io.warren.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks at a queue's messages without consuming them. Each enumeration walks the queue lazily, a batch at a time
 * ({@link BrowseEnumeration}), so it may show messages that arrive after it was created and leave out ones that
 * go meanwhile, but never shows a message twice and always shows one that stays in the queue. Closing the browser
 * (or its session) ends its enumerations and frees what they hold on the broker.
 */
public class WarrenQueueBrowser implements QueueBrowser {
    private final WarrenSession session;
    private final Queue queue;
    private final String selector;
    private final Set<BrowseEnumeration> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    WarrenQueueBrowser(WarrenSession session, Queue queue, String selector) {
        this.session = session;
        this.queue = queue;
        this.selector = selector;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("browser is closed");
        }
        session.checkOpen();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector;
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        BrowseEnumeration e = new BrowseEnumeration(session.channel().browse(queue.getQueueName(), selector), this,
                session.connection());
        open.add(e);
        if (closed) {
            e.close();
        }
        return e;
    }

    void enumerationClosed(BrowseEnumeration e) {
        open.remove(e);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws JMSException {
        closeInternal();
        session.browserClosed(this);
    }

    /** Closes this browser (also when its session closes). */
    void closeInternal() {
        closed = true;
        for (BrowseEnumeration e : open) {
            e.close();
        }
    }
}
