package io.warren.jms.client;

import io.warren.jms.message.MessageMapper;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Looks at a queue's messages without consuming them: each enumeration is a snapshot taken when it is created. */
public class WarrenQueueBrowser implements QueueBrowser {
    private final WarrenSession session;
    private final Queue queue;
    private final String selector;
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
        List<io.warren.message.Message> snapshot;
        snapshot = session.channel().browse(queue.getQueueName(), selector);
        Iterator<io.warren.message.Message> it = snapshot.iterator();
        return new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return !closed && it.hasNext();
            }

            @Override
            public Message nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                return MessageMapper.fromBroker(it.next(), session.connection().objectPolicy());
            }
        };
    }

    @Override
    public void close() throws JMSException {
        closed = true;
    }
}
