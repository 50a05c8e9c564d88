package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message selectors on queue consumers (filtered by the queue) and topic subscriptions (filtered by the binding). */
class SelectorsTest extends JmsTestSupport {
    private static final String BAD_SELECTOR = "color = 'red' AND";

    private static void sendColored(Session s, MessageProducer p, String text, String color, int n)
            throws Exception {
        TextMessage m = s.createTextMessage(text);
        m.setStringProperty("color", color);
        m.setIntProperty("n", n);
        p.send(m);
    }

    @Test
    void aQueueConsumerWithASelectorLeavesNonMatchingMessagesForOthers() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("selector-queue"));
        MessageProducer p = s.createProducer(q);
        for (int i = 1; i <= 6; i++) {
            sendColored(s, p, "m" + i, i % 2 == 0 ? "red" : "blue", i);
        }

        MessageConsumer reds = s.createConsumer(q, "color = 'red'");
        assertThat(reds.getMessageSelector()).isEqualTo("color = 'red'");
        assertThat(receiveTexts(reds, 3)).containsExactly("m2", "m4", "m6");
        assertNoMessage(reds);
        assertThat(readyCount(q.getQueueName())).isEqualTo(3);

        MessageConsumer all = s.createConsumer(q);
        assertThat(receiveTexts(all, 3)).containsExactly("m1", "m3", "m5");
    }

    @Test
    void aSelectorConsumerSeesMatchingMessagesThatArriveAfterNonMatchingOnes() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("selector-later"));
        MessageConsumer big = s.createConsumer(q, "n > 100");
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 50; i++) {
            sendColored(s, p, "small" + i, "blue", i);
        }
        sendColored(s, p, "big", "blue", 1000);
        assertThat(receiveText(big)).isEqualTo("big");
        assertNoMessage(big);
        assertThat(readyCount(q.getQueueName())).isEqualTo(50);
    }

    @Test
    void aNonDurableSubscriberGetsOnlyMatchingMessages() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("selector-topic"));
        MessageConsumer bigOnes = s.createConsumer(t, "n >= 3 AND color IN ('red', 'green')");
        MessageConsumer all = s.createConsumer(t);
        MessageProducer p = s.createProducer(t);
        sendColored(s, p, "m1", "red", 1);
        sendColored(s, p, "m2", "red", 3);
        sendColored(s, p, "m3", "blue", 4);
        sendColored(s, p, "m4", "green", 5);

        assertThat(receiveTexts(bigOnes, 2)).containsExactly("m2", "m4");
        assertNoMessage(bigOnes);
        assertThat(receiveTexts(all, 4)).containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void aTopicSubscriptionSelectorIsAppliedAtTheBindingSoNonMatchingMessagesNeverEnterTheQueue()
            throws Exception {
        Connection c = connection(factoryWithClientId("selector-client"));
        Session s = c.createSession();
        Topic t = s.createTopic(unique("selector-binding"));
        String sub = unique("sub");
        s.createDurableSubscriber(t, sub, "n > 5", false).close();
        MessageConsumer shared = s.createSharedDurableConsumer(t, unique("shared"), "color = 'red'");
        shared.close();

        MessageProducer p = s.createProducer(t);
        for (int i = 1; i <= 10; i++) {
            sendColored(s, p, "m" + i, i <= 3 ? "red" : "blue", i);
        }

        String durableQueue = SessionTopology.durableQueueName("selector-client", sub);
        assertThat(readyCount(durableQueue)).isEqualTo(5);
        List<String> subscriptionQueues = virtualHost().queueNames().stream()
                .filter(n -> n.contains("shared")).toList();
        assertThat(subscriptionQueues).hasSize(1);
        assertThat(readyCount(subscriptionQueues.get(0))).isEqualTo(3);

        c.start();
        MessageConsumer durable = s.createDurableSubscriber(t, sub, "n > 5", false);
        assertThat(receiveTexts(durable, 5)).containsExactly("m6", "m7", "m8", "m9", "m10");
        assertNoMessage(durable);
    }

    @Test
    void selectorsMayUseJmsHeaderFields() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("selector-headers"));
        MessageProducer p = s.createProducer(q);

        TextMessage urgent = s.createTextMessage("urgent");
        p.send(urgent, DeliveryMode.NON_PERSISTENT, 8, 0);
        TextMessage typed = s.createTextMessage("typed");
        typed.setJMSType("order.created");
        p.send(typed, DeliveryMode.NON_PERSISTENT, 4, 0);
        TextMessage correlated = s.createTextMessage("correlated");
        correlated.setJMSCorrelationID("corr-42");
        p.send(correlated, DeliveryMode.NON_PERSISTENT, 4, 0);
        TextMessage persistent = s.createTextMessage("persistent");
        p.send(persistent, DeliveryMode.PERSISTENT, 4, 0);

        assertThat(receiveText(s.createConsumer(q, "JMSPriority > 5"))).isEqualTo("urgent");
        assertThat(receiveText(s.createConsumer(q, "JMSType = 'order.created'"))).isEqualTo("typed");
        assertThat(receiveText(s.createConsumer(q, "JMSCorrelationID = 'corr-42'"))).isEqualTo("correlated");
        MessageConsumer persistentOnly = s.createConsumer(q, "JMSDeliveryMode = 'PERSISTENT'");
        assertThat(receiveText(persistentOnly)).isEqualTo("persistent");
        assertNoMessage(persistentOnly);
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void selectorsMayUseTheMessageIdAndTimestamp() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("selector-id"));
        MessageProducer p = s.createProducer(q);
        Message first = s.createTextMessage("first");
        p.send(first);
        p.send(s.createTextMessage("second"));

        MessageConsumer byId = s.createConsumer(q, "JMSMessageID = '" + first.getJMSMessageID() + "'");
        assertThat(receiveText(byId)).isEqualTo("first");
        MessageConsumer byTimestamp = s.createConsumer(q, "JMSTimestamp > 0");
        assertThat(receiveText(byTimestamp)).isEqualTo("second");
    }

    @Test
    void aBlankSelectorMeansNoSelector() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("selector-blank"));
        sendTexts(s, q, "m1");
        MessageConsumer consumer = s.createConsumer(q, "  ");
        assertThat(consumer.getMessageSelector()).isNull();
        assertThat(receiveText(consumer)).isEqualTo("m1");
    }

    @Test
    void anInvalidSelectorIsRejectedWhereverASelectorIsGiven() throws Exception {
        Connection c = connection(factoryWithClientId("invalid-selector-client"));
        Session s = c.createSession();
        Queue q = s.createQueue(unique("bad-selector"));
        Topic t = s.createTopic(unique("bad-selector-topic"));

        assertThatThrownBy(() -> s.createConsumer(q, BAD_SELECTOR)).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createConsumer(t, BAD_SELECTOR)).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createConsumer(t, BAD_SELECTOR, true))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createBrowser(q, BAD_SELECTOR)).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createDurableSubscriber(t, "d", BAD_SELECTOR, false))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createDurableConsumer(t, "d", BAD_SELECTOR, false))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createSharedConsumer(t, "s", BAD_SELECTOR))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createSharedDurableConsumer(t, "sd", BAD_SELECTOR))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createConsumer(q, "n > 'unterminated"))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> s.createConsumer(q, "no_such_function(x)"))
                .isInstanceOf(InvalidSelectorException.class);

        // nothing was left behind by the failed attempts
        assertThat(virtualHost().queueNames()).noneMatch(n -> n.startsWith("jms."));

        JMSContext ctx = context();
        assertThatThrownBy(() -> ctx.createConsumer(q, BAD_SELECTOR))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
        assertThatThrownBy(() -> ctx.createBrowser(q, BAD_SELECTOR))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
        assertThatThrownBy(() -> ctx.createSharedConsumer(t, "s", BAD_SELECTOR))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
    }

    @Test
    void theInvalidSelectorMessageSaysWhereTheProblemIs() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("bad-selector-message"));
        assertThatThrownBy(() -> s.createConsumer(q, BAD_SELECTOR))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining("position");
    }
}
