package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Transacted sessions: sends and receives become visible or are undone together. */
class TransactionsTest extends JmsTestSupport {

    @Test
    void aTransactedSessionReportsItsMode() throws Exception {
        Session s = connection().createSession(true, Session.AUTO_ACKNOWLEDGE);
        assertThat(s.getTransacted()).isTrue();
        assertThat(s.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        Session s2 = connection().createSession(Session.SESSION_TRANSACTED);
        assertThat(s2.getTransacted()).isTrue();
    }

    @Test
    void sendsAreInvisibleUntilCommit() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-send"));
        MessageConsumer consumer = c.createSession().createConsumer(q);

        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("m1"));
        p.send(tx.createTextMessage("m2"));
        p.send(tx.createTextMessage("m3"));
        assertNoMessage(consumer);
        assertThat(readyCount(q.getQueueName())).isZero();

        tx.commit();
        assertThat(receiveTexts(consumer, 3)).containsExactly("m1", "m2", "m3");
    }

    @Test
    void rollbackDiscardsTheSends() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-rollback-send"));
        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("discarded"));
        tx.rollback();
        p.send(tx.createTextMessage("kept"));
        tx.commit();

        MessageConsumer consumer = c.createSession().createConsumer(q);
        assertThat(receiveText(consumer)).isEqualTo("kept");
        assertNoMessage(consumer);
    }

    @Test
    void publishingToATopicInATransactionReachesSubscribersOnlyOnCommit() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Topic t = tx.createTopic(unique("tx-topic"));
        MessageConsumer subscriber = c.createSession().createConsumer(t);
        tx.createProducer(t).send(tx.createTextMessage("news"));
        assertNoMessage(subscriber);
        tx.commit();
        assertThat(receiveText(subscriber)).isEqualTo("news");
    }

    @Test
    void committedReceivesAreGone() throws Exception {
        Connection c = startedConnection();
        Session plain = c.createSession();
        Queue q = plain.createQueue(unique("tx-receive"));
        sendTexts(plain, q, "m1", "m2", "m3");

        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(q);
        assertThat(receiveTexts(consumer, 2)).containsExactly("m1", "m2");
        tx.commit();
        tx.close();

        MessageConsumer after = c.createSession().createConsumer(q);
        Message m = receive(after);
        assertThat(text(m)).isEqualTo("m3");
        assertThat(m.getJMSRedelivered()).isFalse();
        assertNoMessage(after);
    }

    @Test
    void rollbackRedeliversInTheOriginalOrderWithRedeliveredAndACountedDelivery() throws Exception {
        Connection c = startedConnection();
        Session plain = c.createSession();
        Queue q = plain.createQueue(unique("tx-redeliver"));
        sendTexts(plain, q, "m1", "m2", "m3", "m4");

        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(q);
        assertThat(receiveTexts(consumer, 3)).containsExactly("m1", "m2", "m3");
        tx.rollback();

        for (int round = 2; round <= 3; round++) {
            for (String expected : List.of("m1", "m2", "m3")) {
                Message m = receive(consumer);
                assertThat(text(m)).isEqualTo(expected);
                assertThat(m.getJMSRedelivered()).isTrue();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(round);
            }
            if (round == 2) {
                tx.rollback();
            }
        }
        Message m4 = receive(consumer);
        assertThat(text(m4)).isEqualTo("m4");
        assertThat(m4.getJMSRedelivered()).isFalse();
        assertThat(m4.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        tx.commit();
        tx.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void rollbackUndoesReceivesAndSendsOfTheSameTransaction() throws Exception {
        Connection c = startedConnection();
        Session plain = c.createSession();
        Queue in = plain.createQueue(unique("tx-in"));
        Queue out = plain.createQueue(unique("tx-out"));
        sendTexts(plain, in, "request");

        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(in);
        MessageProducer producer = tx.createProducer(out);
        assertThat(receiveText(consumer)).isEqualTo("request");
        producer.send(tx.createTextMessage("reply"));
        tx.rollback();

        MessageConsumer outConsumer = plain.createConsumer(out);
        assertNoMessage(outConsumer);
        assertThat(receiveText(consumer)).isEqualTo("request");
        producer.send(tx.createTextMessage("reply"));
        tx.commit();
        assertThat(receiveText(outConsumer)).isEqualTo("reply");
        assertThat(readyCount(in.getQueueName())).isZero();
    }

    @Test
    void commitAndRollbackOnANonTransactedSessionFail() throws Exception {
        Session s = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(s.getTransacted()).isFalse();
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::rollback).isInstanceOf(IllegalStateException.class);
        Session client = connection().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        assertThatThrownBy(client::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recoverOnATransactedSessionFails() throws Exception {
        Session tx = connection().createSession(true, Session.SESSION_TRANSACTED);
        assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingATransactedSessionRollsBack() throws Exception {
        Connection c = startedConnection();
        Session plain = c.createSession();
        Queue in = plain.createQueue(unique("tx-close-in"));
        Queue out = plain.createQueue(unique("tx-close-out"));
        sendTexts(plain, in, "m1");

        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        assertThat(receiveText(tx.createConsumer(in))).isEqualTo("m1");
        tx.createProducer(out).send(tx.createTextMessage("never"));
        tx.close();

        assertNoMessage(plain.createConsumer(out));
        Message m = receive(plain.createConsumer(in));
        assertThat(text(m)).isEqualTo("m1");
        assertThat(m.getJMSRedelivered()).isTrue();
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void closingTheConnectionRollsBackItsTransactedSessions() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-connection-close"));
        tx.createProducer(q).send(tx.createTextMessage("never"));
        c.close();

        Session other = startedConnection().createSession();
        assertNoMessage(other.createConsumer(q));
    }

    @Test
    void aListenerCanCommitItsOwnTransaction() throws Exception {
        Connection c = connection();
        Session plain = c.createSession();
        Queue q = plain.createQueue(unique("tx-listener"));
        sendTexts(plain, q, "m1", "m2", "m3");

        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        List<String> seen = new CopyOnWriteArrayList<>();
        tx.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(text(m) + (m.getJMSRedelivered() ? "(redelivered)" : ""));
                if (seen.size() == 1) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        c.start();
        await().until(() -> seen.size() >= 4);
        assertThat(seen).containsExactly("m1", "m1(redelivered)", "m2", "m3");
        c.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void transactedJmsContextCommitsAndRollsBack() throws Exception {
        JMSContext ctx = context(JMSContext.SESSION_TRANSACTED);
        assertThat(ctx.getTransacted()).isTrue();
        Queue q = ctx.createQueue(unique("tx-context"));
        ctx.createProducer().send(q, "m1");
        ctx.rollback();
        ctx.createProducer().send(q, "m2");
        ctx.commit();

        JMSContext reader = context();
        assertThat(reader.createConsumer(q).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("m2");
        assertThat(reader.createConsumer(q).receiveBody(String.class, ABSENT_TIMEOUT)).isNull();

        JMSContext auto = context();
        assertThatThrownBy(auto::commit).isInstanceOf(IllegalStateRuntimeException.class);
    }
}
