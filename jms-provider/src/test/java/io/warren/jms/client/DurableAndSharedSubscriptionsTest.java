package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Durable subscriptions (unshared and shared) and shared non-durable subscriptions. */
class DurableAndSharedSubscriptionsTest extends JmsTestSupport {

    private Connection clientConnection(String clientId) throws JMSException {
        return connection(factoryWithClientId(clientId));
    }

    private static void publish(Session s, Topic t, String... texts) throws JMSException {
        sendTexts(s, t, texts);
    }

    @Test
    void aDurableSubscriberReceivesWhatWasPublishedWhileItWasOffline() throws Exception {
        Connection c = clientConnection("durable-offline");
        c.start();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("prices"));
        TopicSubscriber sub = s.createDurableSubscriber(t, "sub");
        assertThat(sub.getTopic()).isEqualTo(t);
        publish(s, t, "online");
        assertThat(receiveText(sub)).isEqualTo("online");
        sub.close();

        Session publisher = startedConnection().createSession();
        publish(publisher, t, "offline-1", "offline-2");
        c.close();

        // a new connection with the same client ID resumes the subscription
        Connection again = clientConnection("durable-offline");
        again.start();
        MessageConsumer resumed = again.createSession().createDurableConsumer(t, "sub");
        assertThat(receiveTexts(resumed, 2)).containsExactly("offline-1", "offline-2");
        assertNoMessage(resumed);
    }

    @Test
    void anUnsharedDurableSubscriptionNeedsAClientId() throws Exception {
        Session s = connection().createSession();
        Topic t = s.createTopic(unique("no-client-id"));
        assertThatThrownBy(() -> s.createDurableSubscriber(t, "sub")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.createDurableConsumer(t, "sub")).isInstanceOf(IllegalStateException.class);
        // a shared durable subscription does not
        s.createSharedDurableConsumer(t, "shared").close();
    }

    @Test
    void anUnsharedDurableSubscriptionAllowsOneActiveConsumer() throws Exception {
        Connection c = clientConnection("one-consumer");
        Session s = c.createSession();
        Topic t = s.createTopic(unique("exclusive"));
        MessageConsumer first = s.createDurableConsumer(t, "sub");
        assertThatThrownBy(() -> s.createDurableConsumer(t, "sub")).isInstanceOf(IllegalStateException.class);
        Session other = c.createSession();
        assertThatThrownBy(() -> other.createDurableSubscriber(t, "sub")).isInstanceOf(JMSException.class);
        first.close();
        s.createDurableConsumer(t, "sub").close();
    }

    @Test
    void changingTheSelectorOrTopicReplacesTheSubscription() throws Exception {
        Connection c = clientConnection("changing");
        c.start();
        Session s = c.createSession();
        Topic t1 = s.createTopic(unique("t1"));
        Topic t2 = s.createTopic(unique("t2"));
        s.createDurableSubscriber(t1, "sub").close();
        publish(s, t1, "old-topic");

        // same name, new selector: the old subscription and its message are gone
        MessageConsumer withSelector = s.createDurableSubscriber(t1, "sub", "keep = true", false);
        assertNoMessage(withSelector);
        Message keep = s.createTextMessage("kept");
        keep.setBooleanProperty("keep", true);
        s.createProducer(t1).send(keep);
        s.createProducer(t1).send(s.createTextMessage("dropped"));
        assertThat(receiveText(withSelector)).isEqualTo("kept");
        assertNoMessage(withSelector);
        withSelector.close();

        // same name and selector: the same subscription
        publish(s, t1, "not-selected");
        keep = s.createTextMessage("kept-2");
        keep.setBooleanProperty("keep", true);
        s.createProducer(t1).send(keep);
        MessageConsumer same = s.createDurableSubscriber(t1, "sub", "keep = true", false);
        assertThat(receiveText(same)).isEqualTo("kept-2");
        same.close();

        // new topic: a new subscription that sees only the new topic
        publish(s, t1, "pending-on-t1");
        MessageConsumer onT2 = s.createDurableSubscriber(t2, "sub");
        assertNoMessage(onT2);
        publish(s, t1, "t1-after");
        publish(s, t2, "t2-after");
        assertThat(receiveText(onT2)).isEqualTo("t2-after");
        assertNoMessage(onT2);
    }

    @Test
    void changingNoLocalReplacesTheSubscription() throws Exception {
        Connection c = clientConnection("changing-nolocal");
        c.start();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("t"));
        s.createDurableSubscriber(t, "sub", null, false).close();
        Session other = startedConnection().createSession();
        publish(other, t, "pending");
        MessageConsumer noLocal = s.createDurableSubscriber(t, "sub", null, true);
        assertNoMessage(noLocal);
    }

    @Test
    void unsubscribeFailsWithAnActiveConsumerAndWorksWithout() throws Exception {
        Connection c = clientConnection("unsubscribe");
        c.start();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("unsub"));
        MessageConsumer consumer = s.createDurableConsumer(t, "sub");
        String queue = SessionTopology.durableQueueName("unsubscribe", "sub");
        assertThat(virtualHost().hasQueue(queue)).isTrue();
        assertThatThrownBy(() -> s.unsubscribe("sub")).isInstanceOf(JMSException.class);
        consumer.close();

        publish(s, t, "lost");
        s.unsubscribe("sub");
        assertThat(virtualHost().hasQueue(queue)).isFalse();
        // a new subscription of the same name starts empty
        MessageConsumer fresh = s.createDurableConsumer(t, "sub");
        assertNoMessage(fresh);
    }

    @Test
    void unsubscribeOfAnUnknownNameFails() throws Exception {
        Session s = clientConnection("unknown").createSession();
        assertThatThrownBy(() -> s.unsubscribe("never-created")).isInstanceOf(InvalidDestinationException.class);
        JMSContext ctx = context();
        assertThatThrownBy(() -> ctx.unsubscribe("never-created"))
                .isInstanceOf(jakarta.jms.InvalidDestinationRuntimeException.class);
    }

    @Test
    void sharedNonDurableSubscriptionSplitsMessagesAmongConsumersOnSeveralConnections() throws Exception {
        Topic t = connection().createSession().createTopic(unique("shared"));
        int consumers = 3;
        int messages = 60;
        Set<String> received = ConcurrentHashMap.newKeySet();
        List<Set<String>> perConsumer = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            Set<String> mine = ConcurrentHashMap.newKeySet();
            perConsumer.add(mine);
            Connection c = startedConnection();
            c.createSession().createSharedConsumer(t, "workers").setMessageListener(m -> {
                try {
                    String text = text(m);
                    mine.add(text);
                    if (!received.add(text)) {
                        throw new AssertionError("duplicate " + text);
                    }
                } catch (JMSException e) {
                    throw new AssertionError(e);
                }
            });
        }
        // a plain subscriber sees everything, independently of the shared subscription
        Connection pc = startedConnection();
        Session ps = pc.createSession();
        MessageConsumer plain = ps.createConsumer(t);
        MessageProducer p = ps.createProducer(t);
        for (int i = 0; i < messages; i++) {
            p.send(ps.createTextMessage("m" + i));
        }
        await().until(() -> received.size() == messages);
        assertThat(perConsumer).allSatisfy(mine -> assertThat(mine).isNotEmpty());
        assertThat(perConsumer.stream().mapToInt(Set::size).sum()).isEqualTo(messages);
        assertThat(receiveTexts(plain, messages)).hasSize(messages);
    }

    @Test
    void aSharedNonDurableSubscriptionEndsWithItsLastConsumer() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("shared-end"));
        MessageConsumer a = s.createSharedConsumer(t, "temp");
        MessageConsumer b = s.createSharedConsumer(t, "temp");
        a.close();
        publish(s, t, "while-b");
        b.close();
        publish(s, t, "nobody");
        MessageConsumer again = s.createSharedConsumer(t, "temp");
        assertNoMessage(again);
    }

    @Test
    void aSharedDurableSubscriptionSurvivesItsConsumersClosing() throws Exception {
        Topic t = connection().createSession().createTopic(unique("shared-durable"));
        Connection c1 = startedConnection();
        Connection c2 = startedConnection();
        MessageConsumer a = c1.createSession().createSharedDurableConsumer(t, "archive");
        MessageConsumer b = c2.createSession().createSharedDurableConsumer(t, "archive");
        Session ps = startedConnection().createSession();
        publish(ps, t, "m1", "m2");
        List<String> got = new ArrayList<>();
        for (MessageConsumer mc : List.of(a, b)) {
            Message m;
            while ((m = mc.receive(ABSENT_TIMEOUT)) != null) {
                got.add(text(m));
            }
        }
        assertThat(got).containsExactlyInAnyOrder("m1", "m2");
        a.close();
        b.close();
        c1.close();

        publish(ps, t, "m3", "m4");
        MessageConsumer later = c2.createSession().createSharedDurableConsumer(t, "archive");
        assertThat(receiveTexts(later, 2)).containsExactly("m3", "m4");
        later.close();
        c2.createSession().unsubscribe("archive");
        publish(ps, t, "m5");
        assertNoMessage(c2.createSession().createSharedDurableConsumer(t, "archive"));
    }

    @Test
    void sharedAndUnsharedDurableSubscriptionsOfTheSameNameConflict() throws Exception {
        Connection c = clientConnection("conflict");
        Session s = c.createSession();
        Topic t = s.createTopic(unique("conflict"));
        s.createSharedDurableConsumer(t, "sub").close();
        assertThatThrownBy(() -> s.createDurableConsumer(t, "sub")).isInstanceOf(JMSException.class);
    }

    @Test
    void aSharedSubscriptionWithActiveConsumersCannotBeChanged() throws Exception {
        Session s = connection().createSession();
        Topic t1 = s.createTopic(unique("t1"));
        Topic t2 = s.createTopic(unique("t2"));
        s.createSharedDurableConsumer(t1, "sd");
        assertThatThrownBy(() -> s.createSharedDurableConsumer(t2, "sd")).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> s.createSharedDurableConsumer(t1, "sd", "x = 1")).isInstanceOf(JMSException.class);
        s.createSharedConsumer(t1, "snd");
        assertThatThrownBy(() -> s.createSharedConsumer(t2, "snd")).isInstanceOf(JMSException.class);
    }

    @Test
    void noLocalOnADurableSubscriberDropsMessagesOfItsOwnConnection() throws Exception {
        Connection c = clientConnection("nolocal");
        c.start();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("nolocal"));
        TopicSubscriber sub = s.createDurableSubscriber(t, "sub", null, true);
        assertThat(sub.getNoLocal()).isTrue();
        publish(s, t, "own");
        Session other = startedConnection().createSession();
        publish(other, t, "foreign");
        assertThat(receiveText(sub)).isEqualTo("foreign");
        assertNoMessage(sub);

        // still applies to messages published by its own connection while it was inactive
        sub.close();
        publish(s, t, "own-offline");
        publish(other, t, "foreign-offline");
        MessageConsumer resumed = s.createDurableSubscriber(t, "sub", null, true);
        assertThat(receiveText(resumed)).isEqualTo("foreign-offline");
        assertNoMessage(resumed);
    }

    @Test
    void noLocalTreatsEveryConnectionWithTheSameClientIdAsLocal() throws Exception {
        Connection first = clientConnection("nolocal-client");
        Session s = first.createSession();
        Topic t = s.createTopic(unique("nolocal-client"));
        s.createDurableSubscriber(t, "sub", null, true).close();
        publish(s, t, "from an earlier connection of the same client");
        first.close();

        Connection second = clientConnection("nolocal-client");
        second.start();
        Session other = startedConnection().createSession();
        publish(other, t, "foreign");
        MessageConsumer resumed = second.createSession().createDurableSubscriber(t, "sub", null, true);
        assertThat(receiveText(resumed)).isEqualTo("foreign");
        assertNoMessage(resumed);
    }

    @Test
    void noLocalOnANonDurableSubscriber() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("nolocal-plain"));
        MessageConsumer noLocal = s.createConsumer(t, null, true);
        MessageConsumer all = s.createConsumer(t);
        publish(s, t, "own");
        publish(startedConnection().createSession(), t, "foreign");
        assertThat(receiveText(noLocal)).isEqualTo("foreign");
        assertNoMessage(noLocal);
        assertThat(receiveTexts(all, 2)).containsExactly("own", "foreign");
    }

    @Test
    void subscriptionQueueNamesIncludeTheClientId() throws Exception {
        Connection a = clientConnection("client-a");
        Connection b = clientConnection("client-b");
        a.start();
        b.start();
        Session sa = a.createSession();
        Session sb = b.createSession();
        Topic t = sa.createTopic(unique("names"));
        MessageConsumer durableA = sa.createDurableConsumer(t, "same-name");
        MessageConsumer durableB = sb.createDurableConsumer(t, "same-name");
        MessageConsumer sharedA = sa.createSharedConsumer(t, "same-shared");
        MessageConsumer sharedB = sb.createSharedConsumer(t, "same-shared");

        assertThat(virtualHost().queueNames())
                .anyMatch(n -> n.contains("client-a") && n.contains("same-name"))
                .anyMatch(n -> n.contains("client-b") && n.contains("same-name"))
                .anyMatch(n -> n.contains("client-a") && n.contains("same-shared"))
                .anyMatch(n -> n.contains("client-b") && n.contains("same-shared"));

        // same subscription name, different client IDs: independent subscriptions, each gets every message
        publish(sa, t, "m1");
        for (MessageConsumer mc : List.of(durableA, durableB, sharedA, sharedB)) {
            assertThat(receiveText(mc)).isEqualTo("m1");
        }
    }

    @Test
    void durableSubscriptionsThroughJmsContext() throws Exception {
        WarrenConnectionFactory cf = factoryWithClientId("context-client");
        JMSContext ctx = track(cf.createContext());
        Topic t = ctx.createTopic(unique("ctx-durable"));
        JMSConsumer consumer = ctx.createDurableConsumer(t, "sub");
        consumer.close();
        ctx.createProducer().send(t, "while-away");
        JMSConsumer again = ctx.createDurableConsumer(t, "sub");
        assertThat(again.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("while-away");
        again.close();
        ctx.unsubscribe("sub");

        JMSConsumer shared = ctx.createSharedDurableConsumer(t, "shared-sub", "n = 1");
        ctx.createProducer().setProperty("n", 1).send(t, "one");
        ctx.createProducer().setProperty("n", 2).send(t, "two");
        assertThat(shared.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("one");
        assertThat(shared.receiveBodyNoWait(String.class)).isNull();
    }
}
