package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenXAConnectionFactory;
import io.warren.jms.transport.BranchXid;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XASession;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/** XA sessions over {@code vm://}: branches driven through the XAResource as a transaction manager drives them. */
class XaSessionTest extends JmsTestSupport {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final WarrenXAConnectionFactory xaFactory = new WarrenXAConnectionFactory(url);

    private static Xid newXid() {
        int n = IDS.incrementAndGet();
        return new BranchXid(4711, ("gtrid-" + n).getBytes(), ("bqual-" + n).getBytes());
    }

    private XAConnection xaConnection() throws Exception {
        XAConnection c = track(xaFactory.createXAConnection());
        c.start();
        return c;
    }

    private static int xaCode(ThrowingXa call) {
        try {
            call.run();
        } catch (XAException e) {
            return e.errorCode;
        }
        throw new AssertionError("expected an XAException");
    }

    private interface ThrowingXa {
        void run() throws XAException;
    }

    @Test
    void sendsBecomeVisibleOnlyWhenTheBranchCommitsInTwoPhases() throws Exception {
        XASession s = xaConnection().createXASession();
        Queue q = s.createQueue(unique("xa-out"));
        XAResource r = s.getXAResource();
        Xid xid = newXid();
        r.start(xid, XAResource.TMNOFLAGS);
        s.createProducer(q).send(s.createTextMessage("in-branch"));
        r.end(xid, XAResource.TMSUCCESS);
        assertThat(readyCount(q.getQueueName())).isZero();
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(r.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).containsExactly(xid);
        r.commit(xid, false);
        assertThat(readyCount(q.getQueueName())).isEqualTo(1);
        assertThat(r.recover(XAResource.TMSTARTRSCAN)).isEmpty();
    }

    @Test
    void aRolledBackBranchRedeliversWhatItReceivedAndDropsWhatItSent() throws Exception {
        Session plain = startedConnection().createSession();
        Queue in = plain.createQueue(unique("xa-in"));
        Queue out = plain.createQueue(unique("xa-out"));
        sendTexts(plain, in, "order");
        XASession s = xaConnection().createXASession();
        XAResource r = s.getXAResource();
        MessageConsumer consumer = s.createConsumer(in);
        Xid xid = newXid();
        r.start(xid, XAResource.TMNOFLAGS);
        assertThat(receiveText(consumer)).isEqualTo("order");
        s.createProducer(out).send(s.createTextMessage("shipped"));
        r.end(xid, XAResource.TMSUCCESS);
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        r.rollback(xid);

        assertThat(readyCount(out.getQueueName())).isZero();
        Message again = receive(consumer);
        assertThat(((TextMessage) again).getText()).isEqualTo("order");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void aMessageHandedToAListenerJoinsTheBranchTheListenerStarts() throws Exception {
        Session plain = startedConnection().createSession();
        Queue in = plain.createQueue(unique("xa-mdb"));
        XASession s = xaConnection().createXASession();
        XAResource r = s.getXAResource();
        BlockingQueue<Message> seen = new LinkedBlockingQueue<>();
        // As a container runs a message-driven bean: enlist inside the delivery, roll back the first attempt.
        s.createConsumer(in).setMessageListener(m -> {
            Xid xid = newXid();
            try {
                r.start(xid, XAResource.TMNOFLAGS);
                seen.add(m);
                boolean first = !m.getJMSRedelivered();
                r.end(xid, first ? XAResource.TMFAIL : XAResource.TMSUCCESS);
                if (first) {
                    r.rollback(xid);
                } else {
                    r.commit(xid, true);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sendTexts(plain, in, "job");
        await().until(() -> seen.size() == 2);
        assertThat(seen).extracting(m -> ((TextMessage) m).getText()).containsExactly("job", "job");
        assertThat(List.copyOf(seen).get(1).getJMSRedelivered()).isTrue();
        await().until(() -> readyCount(in.getQueueName()) == 0 && queueInfo(in.getQueueName()).unacknowledgedCount() == 0);
    }

    @Test
    void outsideAGlobalTransactionTheSessionAcknowledgesAutomatically() throws Exception {
        XASession s = xaConnection().createXASession();
        Queue q = s.createQueue(unique("xa-auto"));
        s.createProducer(q).send(s.createTextMessage("plain"));
        assertThat(readyCount(q.getQueueName())).isEqualTo(1);
        assertThat(receiveText(s.createConsumer(q))).isEqualTo("plain");
        await().until(() -> queueInfo(q.getQueueName()).unacknowledgedCount() == 0);
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void theSessionIsTransactedButRefusesLocalCommitAndRollback() throws Exception {
        XASession s = xaConnection().createXASession();
        assertThat(s.getTransacted()).isTrue();
        assertThat(s.getSession()).isSameAs(s);
        assertThatThrownBy(s::commit).isInstanceOf(TransactionInProgressException.class);
        assertThatThrownBy(s::rollback).isInstanceOf(TransactionInProgressException.class);
        XAJMSContext ctx = track(xaFactory.createXAContext());
        assertThat(ctx.getTransacted()).isTrue();
        assertThat(ctx.getXAResource()).isNotNull();
        assertThatThrownBy(ctx::commit).isInstanceOf(TransactionInProgressRuntimeException.class);
    }

    @Test
    void anotherConnectionToTheSameBrokerCompletesABranchInDoubt() throws Exception {
        XASession s = xaConnection().createXASession();
        Queue q = s.createQueue(unique("xa-other"));
        Xid xid = newXid();
        s.getXAResource().start(xid, XAResource.TMNOFLAGS);
        s.createProducer(q).send(s.createTextMessage("m"));
        s.getXAResource().end(xid, XAResource.TMSUCCESS);
        s.getXAResource().prepare(xid);

        XAResource other = xaConnection().createXASession().getXAResource();
        assertThat(other.isSameRM(s.getXAResource())).isTrue();
        assertThat(other.recover(XAResource.TMSTARTRSCAN)).contains(xid);
        assertThat(other.recover(XAResource.TMNOFLAGS)).as("the rest of the scan").isEmpty();
        other.commit(xid, false);
        assertThat(readyCount(q.getQueueName())).isEqualTo(1);

        XAResource elsewhere = track(new WarrenXAConnectionFactory("vm://" + unique("other-broker"))
                .createXAConnection()).createXASession().getXAResource();
        assertThat(elsewhere.isSameRM(other)).isFalse();
    }

    @Test
    void closingTheSessionBeforeTheTransactionCompletesKeepsItsWork() throws Exception {
        XAConnection c = xaConnection();
        XASession s = c.createXASession();
        Queue q = s.createQueue(unique("xa-close"));
        XAResource r = s.getXAResource();
        Xid xid = newXid();
        r.start(xid, XAResource.TMNOFLAGS);
        s.createProducer(q).send(s.createTextMessage("kept"));
        s.close();
        r.end(xid, XAResource.TMSUCCESS);
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        r.commit(xid, false);
        assertThat(readyCount(q.getQueueName())).isEqualTo(1);
    }

    @Test
    void protocolErrorsCarryTheirXaCodes() throws Exception {
        XASession s = xaConnection().createXASession();
        XAResource r = s.getXAResource();
        Xid xid = newXid();
        assertThat(r.prepare(newXidWithWork(s))).isEqualTo(XAResource.XA_OK);
        assertThat(xaCode(() -> r.commit(newXid(), false))).isEqualTo(XAException.XAER_NOTA);
        r.start(xid, XAResource.TMNOFLAGS);
        assertThat(xaCode(() -> r.start(newXid(), XAResource.TMNOFLAGS))).isEqualTo(XAException.XAER_PROTO);
        assertThat(xaCode(() -> r.prepare(xid))).isEqualTo(XAException.XAER_PROTO);
        r.end(xid, XAResource.TMSUCCESS);
        assertThat(r.prepare(xid)).as("did nothing").isEqualTo(XAResource.XA_RDONLY);
        assertThat(xaCode(() -> r.start(xid, 0x12345))).isEqualTo(XAException.XAER_INVAL);
        assertThat(xaCode(() -> r.recover(0x4))).isEqualTo(XAException.XAER_INVAL);
        assertThat(xaCode(() -> r.setTransactionTimeout(-1))).isEqualTo(XAException.XAER_INVAL);
        assertThat(xaCode(() -> r.forget(newXid()))).isEqualTo(XAException.XAER_NOTA);
    }

    private Xid newXidWithWork(XASession s) throws Exception {
        Xid xid = newXid();
        s.getXAResource().start(xid, XAResource.TMNOFLAGS);
        s.createProducer(s.createQueue(unique("xa-work"))).send(s.createTextMessage("w"));
        s.getXAResource().end(xid, XAResource.TMSUCCESS);
        return xid;
    }

    @Test
    void aBranchPastItsTimeoutIsRolledBack() throws Exception {
        XASession s = xaConnection().createXASession();
        Queue q = s.createQueue(unique("xa-timeout"));
        XAResource r = s.getXAResource();
        assertThat(r.setTransactionTimeout(1)).isTrue();
        assertThat(r.getTransactionTimeout()).isEqualTo(1);
        Xid xid = newXid();
        r.start(xid, XAResource.TMNOFLAGS);
        List<Integer> codes = new CopyOnWriteArrayList<>();
        await().until(() -> {
            try {
                s.createProducer(q).send(s.createTextMessage("late"));
                return false;
            } catch (jakarta.jms.JMSException e) {
                return true;
            }
        });
        codes.add(xaCode(() -> r.end(xid, XAResource.TMSUCCESS)));
        assertThat(codes).containsExactly(XAException.XA_RBTIMEOUT);
        assertThat(readyCount(q.getQueueName())).isZero();
    }
}
