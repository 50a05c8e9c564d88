package io.warren.jms.destination;

import jakarta.jms.Queue;

/** A JMS queue: the broker queue of the same name, published to through the default exchange. */
public class WarrenQueue extends WarrenDestination implements Queue {
    private static final long serialVersionUID = 1L;

    public WarrenQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public String exchange() {
        return "";
    }

    @Override
    public String routingKey() {
        return name();
    }

    @Override
    public boolean isQueue() {
        return true;
    }

    @Override
    public String toUri() {
        return "queue://" + name();
    }
}
