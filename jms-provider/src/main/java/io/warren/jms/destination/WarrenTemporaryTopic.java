package io.warren.jms.destination;

import io.warren.jms.client.WarrenConnection;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/**
 * A temporary topic: a unique routing key on {@code amq.topic} that lives as long as the connection that
 * created it; only that connection may subscribe.
 */
public final class WarrenTemporaryTopic extends WarrenTopic implements TemporaryTopic {
    private static final long serialVersionUID = 1L;

    private final transient WarrenConnection owner;

    public WarrenTemporaryTopic(String name, WarrenConnection owner) {
        super(name);
        this.owner = owner;
    }

    public WarrenConnection owner() {
        return owner;
    }

    @Override
    public boolean isTemporary() {
        return true;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("temporary topic " + name()
                    + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporary(this);
    }

    @Override
    public String toUri() {
        return "temp-topic://" + name();
    }
}
