package io.warren.jndi;

import io.warren.jms.destination.DestinationNames;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.InvalidDestinationException;

/**
 * Makes the queues and topics JNDI entries name ({@code queue.NAME=PHYSICAL}, {@code dynamicQueues/NAME}, a
 * reference's {@code physicalName}), checking the physical name as {@code Session.createQueue} and
 * {@code createTopic} do: another broker's syntax fails, an ActiveMQ {@code >} ending a topic becomes {@code #}.
 */
@FunctionalInterface
interface JndiDestinations {
    JndiDestinations QUEUE = physical -> new WarrenQueue(DestinationNames.queueName(physical));
    JndiDestinations TOPIC = physical -> new WarrenTopic(DestinationNames.topicName(physical));

    /** The destination for a physical name; one in another broker's syntax fails naming the Warren form. */
    WarrenDestination make(String physical) throws InvalidDestinationException;
}
