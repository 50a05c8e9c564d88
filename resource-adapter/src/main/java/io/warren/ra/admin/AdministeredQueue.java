package io.warren.ra.admin;

import jakarta.jms.Queue;
import java.io.Serializable;
import java.util.Objects;

/**
 * A queue the server's administrator defines as an administered object of the adapter (an {@code adminobject}
 * of {@code ra.xml}) and binds in JNDI, for {@code @Resource(lookup = ...)} and an activation spec's
 * {@code destinationLookup}. A JavaBean with one property, {@code Name}; Warren's sessions accept it wherever a
 * queue is expected. Configured once by the server, then read-only.
 */
public class AdministeredQueue implements Queue, Serializable {
    private static final long serialVersionUID = 1L;
    private String name;

    public String getName() {
        return name;
    }

    /** The queue's name on the broker. */
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String getQueueName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdministeredQueue q && Objects.equals(name, q.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "queue://" + name;
    }
}
