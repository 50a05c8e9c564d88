package io.warren.ra.admin;

import jakarta.jms.Topic;

/**
 * A topic the server's administrator defines as an administered object of the adapter (an {@code adminobject}
 * of {@code ra.xml}) and binds in JNDI; its name is a routing key on {@code amq.topic} and may hold the
 * {@code *} and {@code #} wildcards for subscribers. Warren's sessions accept it wherever a topic is expected.
 */
public class AdministeredTopic extends AdministeredDestination implements Topic {
    private static final long serialVersionUID = 1L;

    @Override
    public String getTopicName() {
        return getName();
    }

    @Override
    public String toString() {
        return "topic://" + getName();
    }
}
