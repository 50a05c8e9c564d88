package io.warren.ra.admin;

import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.Objects;

/**
 * A topic the server's administrator defines as an administered object of the adapter (an {@code adminobject}
 * of {@code ra.xml}) and binds in JNDI, for {@code @Resource(lookup = ...)} and an activation spec's
 * {@code destinationLookup}. A JavaBean with one property, {@code Name}; Warren's sessions accept it wherever a
 * topic is expected. Configured once by the server, then read-only.
 */
public class AdministeredTopic implements Topic, Serializable {
    private static final long serialVersionUID = 1L;
    private String name;

    public String getName() {
        return name;
    }

    /** The topic name (a routing key on amq.topic). */
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String getTopicName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdministeredTopic t && Objects.equals(name, t.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "topic://" + name;
    }
}
