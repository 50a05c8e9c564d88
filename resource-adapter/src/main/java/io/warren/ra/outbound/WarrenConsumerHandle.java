package io.warren.ra.outbound;

import io.warren.ra.ContainerRestrictions;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

/**
 * A consumer created through a {@link WarrenSessionHandle}: synchronous receives pass through, message listeners
 * are refused (§12.2: use a message-driven bean), and closing it tells the session it no longer needs closing.
 * Threads: as the session.
 */
public final class WarrenConsumerHandle implements QueueReceiver, TopicSubscriber {
    private final WarrenSessionHandle session;
    private final MessageConsumer delegate;

    WarrenConsumerHandle(WarrenSessionHandle session, MessageConsumer delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        return delegate.getMessageSelector();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        throw ContainerRestrictions.listenerForbidden("MessageConsumer.getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        throw ContainerRestrictions.listenerForbidden("MessageConsumer.setMessageListener");
    }

    @Override
    public Message receive() throws JMSException {
        return delegate.receive();
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return delegate.receive(timeout);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return delegate.receiveNoWait();
    }

    @Override
    public void close() throws JMSException {
        session.untrack(this);
        delegate.close();
    }

    @Override
    public Queue getQueue() throws JMSException {
        return ((QueueReceiver) delegate).getQueue();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return ((TopicSubscriber) delegate).getTopic();
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        return ((TopicSubscriber) delegate).getNoLocal();
    }
}
