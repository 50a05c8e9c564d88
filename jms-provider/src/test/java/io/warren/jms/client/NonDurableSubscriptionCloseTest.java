package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A non-durable subscription lives exactly as long as its consumer: its queue is gone when {@code close()} returns,
 * as in Artemis, so an application (or a container polling with a fresh consumer per receive) never finds the
 * queues of closed subscribers. (The same over {@code amqp://}: {@code AmqpTransportTest}.)
 */
class NonDurableSubscriptionCloseTest extends JmsTestSupport {

    private Set<String> subscriptionQueues() {
        return virtualHost().queueNames().stream().filter(n -> n.startsWith("jms.sub.")).collect(Collectors.toSet());
    }

    @Test
    void closingASubscriberDeletesItsQueueBeforeCloseReturns() throws Exception {
        Session session = startedConnection().createSession();
        Topic topic = session.createTopic("news");
        for (int i = 0; i < 200; i++) {
            MessageConsumer consumer = session.createConsumer(topic);
            assertThat(subscriptionQueues()).hasSize(1);
            consumer.receive(1);
            consumer.close();
            assertThat(subscriptionQueues()).isEmpty();
        }
    }

    @Test
    void closingTheSessionOrConnectionDeletesTheSubscriptionQueueBeforeCloseReturns() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession();
        session.createConsumer(session.createTopic("news"));
        session.close();
        assertThat(subscriptionQueues()).isEmpty();

        Session second = connection.createSession();
        second.createConsumer(second.createTopic("news"));
        assertThat(subscriptionQueues()).hasSize(1);
        connection.close();
        assertThat(subscriptionQueues()).isEmpty();
    }
}
