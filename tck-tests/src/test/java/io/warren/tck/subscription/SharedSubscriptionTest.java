package io.warren.tck.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/** Sections 8.3.2 "Shared non-durable subscriptions" and 8.3.4 "Shared durable subscriptions". */
@DisplayName("8.3.2 / 8.3.4 Shared subscriptions")
class SharedSubscriptionTest extends TckSupport {

    /** A subscription name unique to the test: shared subscriptions without client identifier are global by name. */
    private String shared;

    @org.junit.jupiter.api.BeforeEach
    void name() {
        shared = "shared-" + Integer.toHexString(uniqueName().hashCode());
    }

    /** Receives {@code count} messages from any of the consumers (non-blocking polls, bounded overall). */
    private static List<String> receiveFromAny(int count, MessageConsumer... consumers) {
        List<String> texts = new ArrayList<>();
        await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).until(() -> {
            for (MessageConsumer consumer : consumers) {
                Message message = consumer.receiveNoWait();
                if (message != null) {
                    texts.add(((TextMessage) message).getText());
                }
            }
            return texts.size() >= count;
        });
        return texts;
    }

    private static String[] numbered(String prefix, int count) {
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = prefix + i;
        }
        return texts;
    }

    // ------------------------------------------------------------ 8.3.2 shared non-durable

    @Test
    @DisplayName("8.3.2: each message from a shared non-durable subscription is delivered to only one of its consumers")
    void sharedNonDurableDeliversEachMessageOnce() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        MessageConsumer one = connection.createSession().createSharedConsumer(topic, shared);
        MessageConsumer two = connection.createSession().createSharedConsumer(topic, shared);
        String[] texts = numbered("m", 20);
        sendTexts(connection, topic, texts);
        List<String> received = receiveFromAny(texts.length, one, two);
        assertThat(received).containsExactlyInAnyOrder(texts);
        assertNoMessage(one);
        assertNoMessage(two);
    }

    @Test
    @DisplayName("8.3.2: consumers of different connections without client identifier share the subscription of the same name")
    void sharedNonDurableAcrossConnections() throws Exception {
        Topic topic = topic();
        MessageConsumer one = startedConnection().createSession().createSharedConsumer(topic, shared);
        MessageConsumer two = startedConnection().createSession().createSharedConsumer(topic, shared);
        String[] texts = numbered("c", 10);
        sendTexts(connection(), topic, texts);
        assertThat(receiveFromAny(texts.length, one, two)).containsExactlyInAnyOrder(texts);
    }

    @Test
    @DisplayName("8.3.2: a shared non-durable subscription is created when the first consumer is created (earlier messages are not in it)")
    void sharedNonDurableStartsWithFirstConsumer() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        sendTexts(connection, topic, "before");
        MessageConsumer consumer = connection.createSession().createSharedConsumer(topic, shared);
        sendTexts(connection, topic, "after");
        assertThat(receiveText(consumer)).isEqualTo("after");
        assertNoMessage(consumer);
    }

    @Test
    @DisplayName("8.3.2: a shared non-durable subscription is deleted, with undelivered messages, when the last consumer is closed")
    void sharedNonDurableEndsWithLastConsumer() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer one = session.createSharedConsumer(topic, shared);
        MessageConsumer two = session.createSharedConsumer(topic, shared);
        one.close();
        sendTexts(connection, topic, "still subscribed");
        assertThat(receiveText(two)).isEqualTo("still subscribed");
        two.close();
        sendTexts(connection, topic, "nobody subscribed");
        MessageConsumer again = session.createSharedConsumer(topic, shared);
        assertNoMessage(again);
    }

    @Test
    @DisplayName("8.3.2: creating an additional consumer with the same name but a different topic while a consumer is active throws JMSException")
    void sharedNonDurableDifferentTopicThrows() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession();
        session.createSharedConsumer(topic(), shared);
        Topic other = topic();
        assertThatThrownBy(() -> session.createSharedConsumer(other, shared)).isInstanceOf(JMSException.class);
    }

    @Test
    @DisplayName("8.3.2: creating an additional consumer with the same name but a different selector while a consumer is active throws JMSException")
    void sharedNonDurableDifferentSelectorThrows() throws Exception {
        Topic topic = topic();
        Session session = startedConnection().createSession();
        session.createSharedConsumer(topic, shared, "a = 1");
        assertThatThrownBy(() -> session.createSharedConsumer(topic, shared, "a = 2")).isInstanceOf(JMSException.class);
    }

    @Test
    @DisplayName("8.3.2: if a message selector is specified, only matching messages are added to the shared non-durable subscription")
    void sharedNonDurableSelector() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer consumer = session.createSharedConsumer(topic, shared, "keep = TRUE");
        MessageProducer producer = session.createProducer(topic);
        for (boolean keep : new boolean[] {false, true}) {
            Message message = session.createTextMessage("keep=" + keep);
            message.setBooleanProperty("keep", keep);
            producer.send(message);
        }
        assertThat(receiveText(consumer)).isEqualTo("keep=true");
        assertNoMessage(consumer);
    }

    @Test
    @DisplayName("8.3.2: a shared non-durable subscription is identified by name and client identifier if set (other client IDs: separate subscriptions)")
    void sharedNonDurableIdentifiedByClientId() throws Exception {
        Topic topic = topic();
        Connection one = connectionWithClientId();
        Connection two = connectionWithClientId();
        MessageConsumer c1 = one.createSession().createSharedConsumer(topic, shared);
        MessageConsumer c2 = two.createSession().createSharedConsumer(topic, shared);
        sendTexts(connection(), topic, "copy");
        assertThat(receiveText(c1)).isEqualTo("copy");
        assertThat(receiveText(c2)).isEqualTo("copy");
    }

    @Test
    @DisplayName("8.3.2: a shared non-durable subscription and a durable subscription with the same name are completely separate")
    void sharedNonDurableAndDurableSameNameAreSeparate() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        MessageConsumer shared = session.createSharedConsumer(topic, "same");
        MessageConsumer durable = session.createDurableConsumer(topic, "same");
        sendTexts(connection, topic, "both");
        assertThat(receiveText(shared)).isEqualTo("both");
        assertThat(receiveText(durable)).isEqualTo("both");
        durable.close();
        session.unsubscribe("same");
    }

    // ------------------------------------------------------------ 8.3.4 shared durable

    @Test
    @DisplayName("1.2 / 8.3.4: setting client ID is optional when creating a shared durable subscription")
    void sharedDurableWithoutClientId() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        String name = "no-client-id-" + Math.abs(uniqueName().hashCode());
        MessageConsumer consumer = session.createSharedDurableConsumer(topic, name);
        sendTexts(connection, topic, "no client id needed");
        assertThat(receiveText(consumer)).isEqualTo("no client id needed");
        consumer.close();
        session.unsubscribe(name);
    }

    @Test
    @DisplayName("8.3.4: each message from a shared durable subscription is delivered to only one of its consumers")
    void sharedDurableDeliversEachMessageOnce() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session s1 = connection.createSession();
        MessageConsumer one = s1.createSharedDurableConsumer(topic, "sd");
        MessageConsumer two = connection.createSession().createSharedDurableConsumer(topic, "sd");
        String[] texts = numbered("d", 20);
        sendTexts(connection, topic, texts);
        assertThat(receiveFromAny(texts.length, one, two)).containsExactlyInAnyOrder(texts);
        one.close();
        two.close();
        s1.unsubscribe("sd");
    }

    @Test
    @DisplayName("8.3.4: a shared durable subscription retains messages published while it has no consumers")
    void sharedDurableAccumulatesWhileInactive() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        session.createSharedDurableConsumer(topic, "sd").close();
        sendTexts(connection, topic, "kept 1", "kept 2");
        MessageConsumer resumed = session.createSharedDurableConsumer(topic, "sd");
        assertThat(receiveText(resumed)).isEqualTo("kept 1");
        assertThat(receiveText(resumed)).isEqualTo("kept 2");
        resumed.close();
        session.unsubscribe("sd");
    }

    @Test
    @DisplayName("8.3.4: with an active consumer, an additional consumer with the same name but a different selector throws JMSException")
    void sharedDurableDifferentSelectorWhileActiveThrows() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        MessageConsumer active = session.createSharedDurableConsumer(topic, "sd", "a = 1");
        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "sd", "a = 2")).isInstanceOf(JMSException.class);
        active.close();
        session.unsubscribe("sd");
    }

    @Test
    @DisplayName("8.3.4: with an active consumer, an additional consumer with the same name but a different topic throws JMSException")
    void sharedDurableDifferentTopicWhileActiveThrows() throws Exception {
        Topic topic = topic();
        Topic other = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        MessageConsumer active = session.createSharedDurableConsumer(topic, "sd");
        assertThatThrownBy(() -> session.createSharedDurableConsumer(other, "sd")).isInstanceOf(JMSException.class);
        active.close();
        session.unsubscribe("sd");
    }

    @Test
    @DisplayName("8.3.4: with no active consumers, a new consumer with a different selector is equivalent to unsubscribing and creating a new one")
    void sharedDurableDifferentSelectorWhileInactiveReplaces() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        session.createSharedDurableConsumer(topic, "sd", "a = 1").close();
        Message old = session.createTextMessage("old");
        old.setIntProperty("a", 1);
        session.createProducer(topic).send(old);
        // the new selector also matches the old message: it must not be delivered, the old subscription is gone
        MessageConsumer replaced = session.createSharedDurableConsumer(topic, "sd", "a >= 1");
        assertNoMessage(replaced);
        Message fresh = session.createTextMessage("fresh");
        fresh.setIntProperty("a", 2);
        session.createProducer(topic).send(fresh);
        assertThat(receiveText(replaced)).isEqualTo("fresh");
        replaced.close();
        session.unsubscribe("sd");
    }

    @Test
    @DisplayName("8.3.4: a shared durable subscription is persisted until deleted with unsubscribe")
    void sharedDurableUnsubscribe() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        session.createSharedDurableConsumer(topic, "sd").close();
        sendTexts(connection, topic, "dropped with the subscription");
        session.unsubscribe("sd");
        MessageConsumer fresh = session.createSharedDurableConsumer(topic, "sd");
        assertNoMessage(fresh);
        fresh.close();
        session.unsubscribe("sd");
    }

    @Test
    @DisplayName("8.3.4: if a message selector is specified then only matching messages are added to the shared durable subscription")
    void sharedDurableSelector() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        session.createSharedDurableConsumer(topic, "sd", "n = 2").close();
        MessageProducer producer = session.createProducer(topic);
        for (int n = 1; n <= 3; n++) {
            Message message = session.createTextMessage("n" + n);
            message.setIntProperty("n", n);
            producer.send(message);
        }
        MessageConsumer resumed = session.createSharedDurableConsumer(topic, "sd", "n = 2");
        assertThat(receiveText(resumed)).isEqualTo("n2");
        assertNoMessage(resumed);
        resumed.close();
        session.unsubscribe("sd");
    }

    @Test
    @DisplayName("Session.unsubscribe: it is erroneous to delete a shared durable subscription while it has an active consumer (JMSException)")
    void sharedDurableUnsubscribeWhileActiveThrows() throws Exception {
        Topic topic = topic();
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        MessageConsumer active = session.createSharedDurableConsumer(topic, "sd");
        assertThatThrownBy(() -> session.unsubscribe("sd")).isInstanceOf(JMSException.class);
        active.close();
        session.unsubscribe("sd");
    }

    // ------------------------------------------------------------ simplified API

    @Test
    @DisplayName("8.3.2: JMSContext.createSharedConsumer creates consumers on one shared non-durable subscription")
    void contextSharedConsumer() {
        Topic topic = topic();
        JMSContext context = context();
        JMSContext second = closeLater(context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        JMSConsumer one = context.createSharedConsumer(topic, shared);
        JMSConsumer two = second.createSharedConsumer(topic, shared);
        for (int i = 0; i < 10; i++) {
            context.createProducer().send(topic, "s" + i);
        }
        Set<String> seen = new HashSet<>();
        await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).until(() -> {
            for (JMSConsumer consumer : List.of(one, two)) {
                String body = consumer.receiveBodyNoWait(String.class);
                if (body != null) {
                    assertThat(seen.add(body)).as("delivered once: " + body).isTrue();
                }
            }
            return seen.size() == 10;
        });
    }

    @Test
    @DisplayName("8.3.4: JMSContext.createSharedDurableConsumer creates a shared durable subscription that survives its consumers")
    void contextSharedDurableConsumer() {
        Topic topic = topic();
        JMSContext context = context();
        context.setClientID(uniqueName());
        context.createSharedDurableConsumer(topic, "ctx-sd").close();
        context.createProducer().send(topic, "kept");
        JMSConsumer resumed = context.createSharedDurableConsumer(topic, "ctx-sd");
        assertThat(resumed.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("kept");
        resumed.close();
        context.unsubscribe("ctx-sd");
    }

    @Test
    @DisplayName("8.3.2: JMSContext: an additional shared consumer with a different topic while one is active throws JMSRuntimeException")
    void contextSharedConsumerDifferentTopicThrows() {
        JMSContext context = context();
        context.createSharedConsumer(topic(), shared);
        Topic other = topic();
        assertThatThrownBy(() -> context.createSharedConsumer(other, shared)).isInstanceOf(JMSRuntimeException.class);
    }
}
