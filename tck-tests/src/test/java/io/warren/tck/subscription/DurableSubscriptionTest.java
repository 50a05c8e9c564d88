package io.warren.tck.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Section 8.3.3 "Unshared durable subscriptions" (and 4.2.2, 4.2.4, 6.1.2). */
@DisplayName("8.3.3 Unshared durable subscriptions")
class DurableSubscriptionTest extends TckSupport {

    /** A new started connection with the given client identifier, closed after the test. */
    private Connection connectionWithClientId(String clientId) throws JMSException {
        Connection connection = connection();
        connection.setClientID(clientId);
        connection.start();
        return connection;
    }

    private static void publish(Connection connection, Topic topic, String... texts) throws JMSException {
        sendTexts(connection, topic, texts);
    }

    @Test
    @DisplayName("4.2.2 / 8.3.3: messages published while a durable subscription is inactive are retained and delivered when it becomes active")
    void inactiveSubscriptionAccumulates() throws Exception {
        Topic topic = topic();
        String clientId = uniqueName();
        Connection connection = connectionWithClientId(clientId);
        Session session = connection.createSession();
        session.createDurableConsumer(topic, "sub").close();
        publish(connection, topic, "while inactive 1", "while inactive 2");
        MessageConsumer resumed = session.createDurableConsumer(topic, "sub");
        assertThat(receiveText(resumed)).isEqualTo("while inactive 1");
        assertThat(receiveText(resumed)).isEqualTo("while inactive 2");
        resumed.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("8.3.3: a durable subscription is persisted: a later connection with the same client identifier resumes it")
    void subscriptionOutlivesConnection() throws Exception {
        Topic topic = topic();
        String clientId = uniqueName();
        try (Connection first = factory().createConnection()) {
            first.setClientID(clientId);
            first.createSession().createDurableConsumer(topic, "sub");
        }
        publish(connection(), topic, "kept for the subscription");
        Connection second = connectionWithClientId(clientId);
        Session session = second.createSession();
        MessageConsumer resumed = session.createDurableConsumer(topic, "sub");
        assertThat(receiveText(resumed)).isEqualTo("kept for the subscription");
        resumed.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("6.1.2: the client identifier configured in the ConnectionFactory identifies the unshared durable subscription")
    void administeredClientIdIdentifiesSubscription() throws Exception {
        Topic topic = topic();
        String name = "admin-" + uniqueName().hashCode();
        try (Connection connection = durableFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession();
            session.createDurableConsumer(topic, name).close();
            publish(connection, topic, "for tck-client");
            MessageConsumer resumed = session.createDurableConsumer(topic, name);
            assertThat(receiveText(resumed)).isEqualTo("for tck-client");
            resumed.close();
            session.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.3: an unshared durable subscription continues to accumulate messages until it is deleted using unsubscribe")
    void unsubscribeDeletesSubscription() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        session.createDurableConsumer(topic, "sub").close();
        publish(connection, topic, "discarded with the subscription");
        session.unsubscribe("sub");
        MessageConsumer fresh = session.createDurableConsumer(topic, "sub");
        assertNoMessage(fresh);
        fresh.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("Session.unsubscribe: it is erroneous to delete a durable subscription while there is an active consumer (JMSException)")
    void unsubscribeWithActiveConsumerThrows() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        MessageConsumer active = session.createDurableConsumer(topic, "sub");
        assertThatThrownBy(() -> session.unsubscribe("sub")).isInstanceOf(JMSException.class);
        active.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("Session.unsubscribe: InvalidDestinationException if an invalid subscription name is specified")
    void unsubscribeUnknownNameThrowsInvalidDestination() throws Exception {
        Session session = connectionWithClientId(uniqueName()).createSession();
        assertThatThrownBy(() -> session.unsubscribe("no-such-subscription")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("Session.createDurableConsumer: IllegalStateException if the client identifier is unset")
    void createDurableConsumerWithoutClientIdThrows() throws Exception {
        Session session = connection().createSession();
        Topic topic = topic();
        assertThatThrownBy(() -> session.createDurableConsumer(topic, "sub")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Session.createDurableSubscriber: IllegalStateException if the client identifier is unset")
    void createDurableSubscriberWithoutClientIdThrows() throws Exception {
        Session session = connection().createSession();
        Topic topic = topic();
        assertThatThrownBy(() -> session.createDurableSubscriber(topic, "sub")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("JMSContext.createDurableConsumer: IllegalStateRuntimeException if the client identifier is unset")
    void contextCreateDurableConsumerWithoutClientIdThrows() {
        JMSContext context = context();
        Topic topic = topic();
        assertThatThrownBy(() -> context.createDurableConsumer(topic, "sub")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("8.3.3: with an active consumer on the unshared durable subscription, creating an additional consumer throws JMSException")
    void secondActiveConsumerThrows() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        MessageConsumer first = session.createDurableConsumer(topic, "sub");
        Session other = connection.createSession();
        assertThatThrownBy(() -> other.createDurableConsumer(topic, "sub")).isInstanceOf(JMSException.class);
        first.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("JMSContext: with an active consumer on the unshared durable subscription, an additional consumer throws JMSRuntimeException")
    void secondActiveContextConsumerThrows() {
        Topic topic = topic();
        JMSContext context = context();
        context.setClientID(uniqueName());
        JMSConsumer first = context.createDurableConsumer(topic, "sub");
        JMSContext other = context.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        closeLater(other);
        assertThatThrownBy(() -> other.createDurableConsumer(topic, "sub")).isInstanceOf(JMSRuntimeException.class);
        first.close();
        context.unsubscribe("sub");
    }

    @Test
    @DisplayName("8.3.3: a new consumer with a different message selector on an inactive subscription is equivalent to unsubscribing and creating a new one")
    void changingSelectorReplacesSubscription() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        session.createDurableConsumer(topic, "sub", "kind = 'a'", false).close();
        Session sender = connection.createSession();
        Message old = sender.createTextMessage("old a");
        old.setStringProperty("kind", "a");
        sender.createProducer(topic).send(old);
        // the new selector also matches the old message: it must not be delivered, the old subscription is gone
        MessageConsumer changed = session.createDurableConsumer(topic, "sub", "kind IN ('a', 'b')", false);
        assertNoMessage(changed);
        Message fresh = sender.createTextMessage("new b");
        fresh.setStringProperty("kind", "b");
        sender.createProducer(topic).send(fresh);
        assertThat(receiveText(changed)).isEqualTo("new b");
        changed.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("8.3.3: a new consumer with a different topic on an inactive subscription is equivalent to unsubscribing and creating a new one")
    void changingTopicReplacesSubscription() throws Exception {
        Topic first = topic();
        Topic second = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        session.createDurableConsumer(first, "sub").close();
        publish(connection, first, "on the first topic");
        MessageConsumer moved = session.createDurableConsumer(second, "sub");
        assertNoMessage(moved);
        publish(connection, first, "first again");
        publish(connection, second, "on the second topic");
        assertThat(receiveText(moved)).isEqualTo("on the second topic");
        assertNoMessage(moved);
        moved.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("8.3.3: a new consumer with a different noLocal value on an inactive subscription is equivalent to unsubscribing and creating a new one")
    void changingNoLocalReplacesSubscription() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        session.createDurableConsumer(topic, "sub", null, false).close();
        publish(connection(), topic, "before the change");
        MessageConsumer changed = session.createDurableConsumer(topic, "sub", null, true);
        assertNoMessage(changed);
        changed.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("8.3.3: if a message selector is specified then only matching messages are added to the durable subscription")
    void selectorFiltersDurableSubscription() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        session.createDurableConsumer(topic, "sub", "n > 1", false).close();
        Session sender = connection.createSession();
        MessageProducer producer = sender.createProducer(topic);
        for (int n = 0; n < 4; n++) {
            Message message = sender.createTextMessage("n" + n);
            message.setIntProperty("n", n);
            producer.send(message);
        }
        MessageConsumer resumed = session.createDurableConsumer(topic, "sub", "n > 1", false);
        assertThat(receiveText(resumed)).isEqualTo("n2");
        assertThat(receiveText(resumed)).isEqualTo("n3");
        assertNoMessage(resumed);
        resumed.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("8.3.3: with noLocal, messages published by the subscription's own connection are not added to the durable subscription")
    void noLocalDurableSubscription() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        MessageConsumer consumer = session.createDurableConsumer(topic, "sub", null, true);
        publish(connection, topic, "own");
        publish(connection(), topic, "from elsewhere");
        assertThat(receiveText(consumer)).isEqualTo("from elsewhere");
        assertNoMessage(consumer);
        consumer.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("8.3.3: an unshared durable subscription is identified by name and client identifier (another client ID names another subscription)")
    void clientIdIsPartOfIdentity() throws Exception {
        Topic topic = topic();
        Connection one = connectionWithClientId(uniqueName());
        Connection two = connectionWithClientId(uniqueName());
        Session s1 = one.createSession();
        Session s2 = two.createSession();
        MessageConsumer c1 = s1.createDurableConsumer(topic, "same-name");
        MessageConsumer c2 = s2.createDurableConsumer(topic, "same-name");
        publish(connection(), topic, "to both");
        assertThat(receiveText(c1)).isEqualTo("to both");
        assertThat(receiveText(c2)).isEqualTo("to both");
        c1.close();
        c2.close();
        s1.unsubscribe("same-name");
        s2.unsubscribe("same-name");
    }

    @Test
    @DisplayName("8.3.3: if a shared durable subscription already exists with the same name and client identifier, createDurableConsumer throws JMSException")
    void unsharedOverSharedThrows() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        MessageConsumer shared = session.createSharedDurableConsumer(topic, "sub");
        assertThatThrownBy(() -> session.createDurableConsumer(topic, "sub")).isInstanceOf(JMSException.class);
        shared.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("8.3.4: if an unshared durable subscription already exists with the same name and client identifier, createSharedDurableConsumer throws JMSException")
    void sharedOverUnsharedThrows() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        MessageConsumer unshared = session.createDurableConsumer(topic, "sub");
        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "sub")).isInstanceOf(JMSException.class);
        unshared.close();
        session.unsubscribe("sub");
    }

    @Test
    @DisplayName("6.2: unacknowledged messages of a durable subscription are retained and redelivered after the session terminates")
    void durableSubscriptionRetainsUnacknowledged() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session clientAck = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = clientAck.createDurableConsumer(topic, "sub");
        publish(connection, topic, "not acknowledged");
        receive(consumer);
        clientAck.close();
        Session session = connection.createSession();
        MessageConsumer resumed = session.createDurableConsumer(topic, "sub");
        Message again = receive(resumed);
        assertThat(again.getJMSRedelivered()).isTrue();
        resumed.close();
        session.unsubscribe("sub");
    }

    static java.util.stream.Stream<String> portableNames() {
        return java.util.stream.Stream.of("letters_digits.0123-dash", "\u00e9t\u00e9.\u00fcber_9", "s".repeat(128));
    }

    @ParameterizedTest(name = "4.2.4: a provider must allow subscription names of Java letters, digits, '_', '.', '-' and up to 128 characters: \"{0}\"")
    @org.junit.jupiter.params.provider.MethodSource("portableNames")
    void portableSubscriptionNames(String name) throws Exception {
        String subscription = name;
        Topic topic = topic();
        Connection connection = connectionWithClientId(uniqueName());
        Session session = connection.createSession();
        MessageConsumer consumer = session.createDurableConsumer(topic, subscription);
        publish(connection, topic, "named");
        assertThat(receiveText(consumer)).isEqualTo("named");
        consumer.close();
        session.unsubscribe(subscription);
    }

    @Test
    @DisplayName("8.3.3: TopicSession.createDurableSubscriber creates a TopicSubscriber on an unshared durable subscription; TopicSession.unsubscribe deletes it")
    void topicSessionDurableSubscriber() throws Exception {
        Topic topic = topic();
        try (TopicConnection connection = topicFactory().createTopicConnection()) {
            connection.setClientID(uniqueName());
            connection.start();
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            TopicSubscriber subscriber = session.createDurableSubscriber(topic, "sub", null, true);
            assertThat(subscriber.getTopic()).isEqualTo(topic);
            assertThat(subscriber.getNoLocal()).isTrue();
            subscriber.close();
            session.unsubscribe("sub");
        }
    }

    @Test
    @DisplayName("JMSContext.createDurableConsumer / unsubscribe: the simplified API creates and deletes unshared durable subscriptions")
    void contextDurableConsumer() {
        Topic topic = topic();
        JMSContext context = context();
        context.setClientID(uniqueName());
        context.createDurableConsumer(topic, "sub").close();
        context.createProducer().send(topic, "kept");
        JMSConsumer resumed = context.createDurableConsumer(topic, "sub");
        assertThat(resumed.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("kept");
        assertThatThrownBy(() -> context.unsubscribe("sub")).isInstanceOf(JMSRuntimeException.class);
        resumed.close();
        context.unsubscribe("sub");
    }
}
