package io.warren.ra.outbound.context;

import io.warren.ra.ContainerRestrictions;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;

/**
 * A {@link JMSConsumer} over a classic consumer of a container-managed session: synchronous receives only, since
 * message listeners are forbidden in the web and EJB containers (§12.2). Threads: as the context.
 */
final class SessionJMSConsumer implements JMSConsumer {
    private final MessageConsumer consumer;

    SessionJMSConsumer(MessageConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return Unchecked.call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        throw ContainerRestrictions.forbiddenRuntime("JMSConsumer.getMessageListener",
                "consume asynchronously with a message-driven bean");
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        throw ContainerRestrictions.forbiddenRuntime("JMSConsumer.setMessageListener",
                "consume asynchronously with a message-driven bean");
    }

    @Override
    public Message receive() {
        return Unchecked.call(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return Unchecked.call(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return Unchecked.call(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        Unchecked.run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return body(Unchecked.call(consumer::receive), c);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return body(Unchecked.call(() -> consumer.receive(timeout)), c);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return body(Unchecked.call(consumer::receiveNoWait), c);
    }

    private static <T> T body(Message m, Class<T> c) {
        return m == null ? null : Unchecked.call(() -> m.getBody(c));
    }
}
