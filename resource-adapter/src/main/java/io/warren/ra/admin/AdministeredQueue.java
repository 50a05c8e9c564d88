package io.warren.ra.admin;

import jakarta.jms.Queue;

/**
 * A queue the server's administrator defines as an administered object of the adapter (an {@code adminobject}
 * of {@code ra.xml}) and binds in JNDI, for {@code @Resource(lookup = ...)} and an activation spec's
 * {@code destinationLookup}; Warren's sessions accept it wherever a queue is expected.
 */
public class AdministeredQueue extends AdministeredDestination implements Queue {
    private static final long serialVersionUID = 1L;

    @Override
    public String getQueueName() {
        return getName();
    }

    @Override
    public String toString() {
        return "queue://" + getName();
    }
}
