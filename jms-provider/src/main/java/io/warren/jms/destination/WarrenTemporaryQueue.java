package io.warren.jms.destination;

import io.warren.jms.client.WarrenConnection;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A temporary queue: an exclusive broker queue owned by the connection that created it and deleted with it.
 * Any connection may send to it; only the owner may consume.
 */
public final class WarrenTemporaryQueue extends WarrenQueue implements TemporaryQueue {
    private static final long serialVersionUID = 1L;

    private final transient WarrenConnection owner;

    public WarrenTemporaryQueue(String name, WarrenConnection owner) {
        super(name);
        this.owner = owner;
    }

    /** The creating connection, or null for a copy received in a message. */
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
            throw new jakarta.jms.IllegalStateException("temporary queue " + name()
                    + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporary(this);
    }

    @Override
    public String toUri() {
        return "temp-queue://" + name();
    }
}
