package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** AUTO_ACKNOWLEDGE, CLIENT_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE and Session.recover. */
class AcknowledgeModesTest extends JmsTestSupport {

    /** What a listener saw of one delivery. */
    record Seen(String body, boolean redelivered, int deliveryCount) {
        static Seen of(Message m) throws Exception {
            return new Seen(text(m), m.getJMSRedelivered(), m.getIntProperty("JMSXDeliveryCount"));
        }
    }

    @Test
    void autoAcknowledgeAcknowledgesEachMessageWhenReceiveReturnsIt() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("auto"));
        sendTexts(s, q, "m1", "m2");

        MessageConsumer consumer = s.createConsumer(q);
        Message first = receive(consumer);
        assertThat(text(first)).isEqualTo("m1");
        assertThat(first.getJMSRedelivered()).isFalse();
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        s.close();

        // m1 was acknowledged by receive; m2 was only prefetched and comes back as a first delivery
        Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer again = s2.createConsumer(q);
        Message second = receive(again);
        assertThat(text(second)).isEqualTo("m2");
        assertThat(second.getJMSRedelivered()).isFalse();
        assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertNoMessage(again);
        s2.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void autoAcknowledgeListenerThrowingGetsTheMessageRedeliveredAtOnce() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("auto-listener"));
        sendTexts(s, q, "m1", "m2");

        List<Seen> seen = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(Seen.of(m));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (seen.size() == 1) {
                throw new RuntimeException("listener failure (expected by the test)");
            }
        });
        c.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 3);
        assertThat(seen).containsExactly(new Seen("m1", false, 1), new Seen("m1", true, 2), new Seen("m2", false, 1));
        c.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void dupsOkListenerThrowingAlsoGetsTheMessageRedelivered() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("dups-listener"));
        sendTexts(s, q, "m1");

        List<Seen> seen = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(Seen.of(m));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (seen.size() == 1) {
                throw new IllegalArgumentException("listener failure (expected by the test)");
            }
        });
        c.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 2);
        assertThat(seen).containsExactly(new Seen("m1", false, 1), new Seen("m1", true, 2));
    }

    @Test
    void aListenerThrowingAnErrorIsTreatedLikeOneThrowingARuntimeException() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("auto-error"));
        sendTexts(s, q, "m1", "m2");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(Seen.of(m));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (seen.size() == 1) {
                throw new AssertionError("an Error from the listener (expected by the test)");
            }
        });
        c.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 3);
        assertThat(seen).containsExactly(new Seen("m1", false, 1), new Seen("m1", true, 2), new Seen("m2", false, 1));
    }

    @Test
    void clientAcknowledgeListenerThrowingMovesOnAndTheMessageComesBackOnRecover() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("client-listener-throws"));
        sendTexts(s, q, "m1", "m2");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(Seen.of(m));
                if (seen.size() == 2) {
                    s.recover();
                } else if (seen.size() == 4) {
                    m.acknowledge();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (seen.size() == 1) {
                throw new RuntimeException("listener failure (expected by the test)");
            }
        });
        c.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 4);
        assertThat(seen).containsExactly(new Seen("m1", false, 1), new Seen("m2", false, 1),
                new Seen("m1", true, 2), new Seen("m2", true, 2));
        c.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void clientAcknowledgeAcknowledgesEverythingTheSessionConsumedAcrossConsumers() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        assertThat(s.getAcknowledgeMode()).isEqualTo(Session.CLIENT_ACKNOWLEDGE);
        Queue a = s.createQueue(unique("client-a"));
        Queue b = s.createQueue(unique("client-b"));
        sendTexts(s, a, "a1", "a2", "a3");
        sendTexts(s, b, "b1");

        MessageConsumer ca = s.createConsumer(a);
        MessageConsumer cb = s.createConsumer(b);
        Message a1 = receive(ca);
        assertThat(text(receive(cb))).isEqualTo("b1");
        assertThat(text(receive(ca))).isEqualTo("a2");
        // acknowledging an earlier message acknowledges all consumed so far, whichever consumer took them
        a1.acknowledge();
        Message a3 = receive(ca);
        assertThat(text(a3)).isEqualTo("a3");
        s.close();

        Session s2 = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer ca2 = s2.createConsumer(a);
        Message again = receive(ca2);
        assertThat(text(again)).isEqualTo("a3");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        again.acknowledge();
        assertNoMessage(ca2);
        assertNoMessage(s2.createConsumer(b));
    }

    @Test
    void clientAcknowledgeRecoverRedeliversTheUnacknowledgedMessagesInOrder() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("recover"));
        sendTexts(s, q, "m1", "m2", "m3", "m4", "m5");
        MessageConsumer consumer = s.createConsumer(q);

        Message m1 = receive(consumer);
        m1.acknowledge();
        assertThat(receiveTexts(consumer, 3)).containsExactly("m2", "m3", "m4");
        s.recover();

        for (String expected : List.of("m2", "m3", "m4", "m5")) {
            Message m = receive(consumer);
            assertThat(text(m)).isEqualTo(expected);
            assertThat(m.getJMSRedelivered()).as(expected).isEqualTo(!expected.equals("m5"));
            assertThat(m.getIntProperty("JMSXDeliveryCount")).as(expected).isEqualTo(expected.equals("m5") ? 1 : 2);
        }
        s.recover();
        Message m2 = receive(consumer);
        assertThat(text(m2)).isEqualTo("m2");
        assertThat(m2.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        m2.acknowledge();
        assertThat(receiveTexts(consumer, 3)).containsExactly("m3", "m4", "m5");
    }

    @Test
    void clientAcknowledgeUnacknowledgedMessagesOfAClosedConsumerComeBackAfterRecover() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("closed-consumer"));
        sendTexts(s, q, "m1", "m2");
        MessageConsumer first = s.createConsumer(q);
        assertThat(receiveText(first)).isEqualTo("m1");
        first.close();

        s.recover();
        MessageConsumer second = s.createConsumer(q);
        Message m = receive(second);
        assertThat(text(m)).isEqualTo("m1");
        assertThat(m.getJMSRedelivered()).isTrue();
        assertThat(receiveText(second)).isEqualTo("m2");
    }

    @Test
    void recoverInAutoAcknowledgeRedeliversNothingThatWasReceived() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("auto-recover"));
        sendTexts(s, q, "m1", "m2");
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(receiveText(consumer)).isEqualTo("m1");
        s.recover();
        Message m = receive(consumer);
        assertThat(text(m)).isEqualTo("m2");
        assertThat(m.getJMSRedelivered()).isFalse();
        assertNoMessage(consumer);
    }

    @Test
    void recoverWithAListenerRedeliversOnTheSessionThreadInOrder() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("listener-recover"));
        sendTexts(s, q, "m1", "m2", "m3");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(Seen.of(m));
                if (seen.size() == 2) {
                    s.recover();
                } else if (seen.size() == 5) {
                    m.acknowledge();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        c.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 5);
        assertThat(seen).containsExactly(new Seen("m1", false, 1), new Seen("m2", false, 1),
                new Seen("m1", true, 2), new Seen("m2", true, 2), new Seen("m3", false, 1));
        c.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void dupsOkDeliversEverythingAndAcknowledgesItEventually() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        assertThat(s.getAcknowledgeMode()).isEqualTo(Session.DUPS_OK_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("dups-ok"));
        Session producerSession = c.createSession();
        int n = 300;
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            texts[i] = "m" + i;
        }
        sendTexts(producerSession, q, texts);

        Set<String> seen = ConcurrentHashMap.newKeySet();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(text(m));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        c.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == n);
        // without closing anything, the lazily batched acknowledgements reach the broker
        await().atMost(Duration.ofSeconds(5)).until(() -> queueInfo(q.getQueueName()).unacknowledgedCount() == 0);
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void dupsOkWithReceiveAcknowledgesOnceTheConsumerRunsDry() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("dups-ok-receive"));
        sendTexts(s, q, "m1", "m2", "m3");
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(receiveTexts(consumer, 3)).containsExactly("m1", "m2", "m3");
        assertThat(consumer.receiveNoWait()).isNull();
        assertThat(queueInfo(q.getQueueName()).unacknowledgedCount()).isZero();
        s.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void dupsOkAcknowledgesWhatAConsumerReceivedWhenTheConsumerClosesWhileTheSessionLivesOn() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("dups-ok-close"));
        sendTexts(s, q, "m1", "m2");
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(text(receive(consumer))).isEqualTo("m1");
        consumer.close();

        // m1 is acknowledged, m2 (only prefetched) is back on the queue; the session, as a pooled one, stays open
        assertThat(queueInfo(q.getQueueName()).unacknowledgedCount()).isZero();
        assertThat(readyCount(q.getQueueName())).isEqualTo(1);
    }

    @Test
    void recoverInDupsOkNeitherLosesNorStrandsWhatWasReceived() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("dups-ok-recover"));
        sendTexts(s, q, "m1", "m2");
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(receiveTexts(consumer, 2)).containsExactly("m1", "m2");
        s.recover();
        // the received messages are settled, not held unacknowledged until the session closes
        assertThat(queueInfo(q.getQueueName()).unacknowledgedCount()).isZero();
        sendTexts(s, q, "m3");
        assertThat(receiveText(consumer)).isEqualTo("m3");
        assertNoMessage(consumer);
        s.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void messagesReceivedButNotAcknowledgedComeBackWhenTheConnectionCloses() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("close-returns"));
        sendTexts(s, q, "m1");
        assertThat(receiveText(s.createConsumer(q))).isEqualTo("m1");
        c.close();

        Session s2 = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message m = receive(s2.createConsumer(q));
        assertThat(text(m)).isEqualTo("m1");
        assertThat(m.getJMSRedelivered()).isTrue();
    }
}
