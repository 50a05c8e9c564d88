package io.warren.jms.client;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** The simplified API's consumer: a {@link WarrenMessageConsumer} with unchecked exceptions and body receives. */
public class WarrenJMSConsumer implements JMSConsumer {
    private final WarrenMessageConsumer consumer;

    WarrenJMSConsumer(WarrenMessageConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return WarrenJMSContext.call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return WarrenJMSContext.call(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        WarrenJMSContext.run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return WarrenJMSContext.call(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return WarrenJMSContext.call(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return WarrenJMSContext.call(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        WarrenJMSContext.run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return WarrenJMSContext.call(() -> consumer.receiveBody(c, 0));
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return WarrenJMSContext.call(() -> consumer.receiveBody(c, timeout < 0 ? 0 : timeout));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return WarrenJMSContext.call(() -> consumer.receiveBody(c, -1));
    }

    static JMSException unwrap(JMSException e) {
        return e;
    }
}
