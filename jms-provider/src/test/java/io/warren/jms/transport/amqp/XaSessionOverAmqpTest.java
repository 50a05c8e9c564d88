package io.warren.jms.transport.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.WarrenXAConnectionFactory;
import io.warren.jms.transport.BranchXid;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMS XA sessions over {@code amqp://} to a Warren server with a data directory, driven through their
 * {@link XAResource} as a transaction manager drives them: the JMS classes over the wire extension.
 */
class XaSessionOverAmqpTest {
    private static final long WAIT_MILLIS = 10_000;
    private static final AtomicInteger IDS = new AtomicInteger();

    @TempDir
    Path dataDir;

    private Broker broker;
    private AmqpServer server;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void start() {
        startServer();
    }

    private void startServer() {
        broker = Broker.start(BrokerConfig.builder("xa-amqp-" + System.nanoTime()).dataDirectory(dataDir).build());
        server = AmqpServer.start(broker, ServerSettings.ephemeral(),
                UserStore.withDefaultGuest(new PasswordHasher(1_000)));
    }

    @AfterEach
    void stop() throws Exception {
        for (Connection c : connections) {
            c.close();
        }
        connections.clear();
        server.close();
        broker.close();
    }

    private String url() {
        return "amqp://guest:guest@127.0.0.1:" + server.port();
    }

    private XAConnection xaConnection() throws Exception {
        XAConnection c = new WarrenXAConnectionFactory(url()).createXAConnection();
        connections.add(c);
        c.start();
        return c;
    }

    private Session plainSession() throws Exception {
        Connection c = new WarrenConnectionFactory(url()).createConnection();
        connections.add(c);
        c.start();
        return c.createSession();
    }

    private static Xid newXid() {
        int n = IDS.incrementAndGet();
        return new BranchXid(4712, ("amqp-gtrid-" + n).getBytes(), ("bqual-" + n).getBytes());
    }

    private static String receiveText(MessageConsumer consumer) throws Exception {
        Message m = consumer.receive(WAIT_MILLIS);
        assertThat(m).as("a message within %d ms", WAIT_MILLIS).isNotNull();
        return ((TextMessage) m).getText();
    }

    @Test
    void aBranchThatReceivesAndSendsCommitsInTwoPhasesFromAnotherConnection() throws Exception {
        Session plain = plainSession();
        Queue in = plain.createQueue("orders");
        Queue out = plain.createQueue("shipments");
        plain.createProducer(in).send(plain.createTextMessage("order 42"));

        XASession s = xaConnection().createXASession();
        XAResource r = s.getXAResource();
        MessageConsumer consumer = s.createConsumer(in);
        Xid xid = newXid();
        r.start(xid, XAResource.TMNOFLAGS);
        assertThat(receiveText(consumer)).isEqualTo("order 42");
        s.createProducer(out).send(s.createTextMessage("shipped 42"));
        r.end(xid, XAResource.TMSUCCESS);
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        MessageConsumer shipments = plain.createConsumer(out);
        assertThat(shipments.receiveNoWait()).as("invisible before commit").isNull();

        XAResource recovery = xaConnection().createXASession().getXAResource();
        assertThat(recovery.isSameRM(r)).isTrue();
        assertThat(recovery.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).containsExactly(xid);
        recovery.commit(xid, false);

        assertThat(receiveText(shipments)).isEqualTo("shipped 42");
        assertThat(plain.createBrowser(in).getEnumeration().hasMoreElements()).as("order consumed").isFalse();
    }

    @Test
    void aRolledBackBranchRedeliversWhatItReceived() throws Exception {
        Session plain = plainSession();
        Queue in = plain.createQueue("jobs");
        plain.createProducer(in).send(plain.createTextMessage("job"));
        XASession s = xaConnection().createXASession();
        XAResource r = s.getXAResource();
        MessageConsumer consumer = s.createConsumer(in);
        Xid xid = newXid();
        r.start(xid, XAResource.TMNOFLAGS);
        assertThat(receiveText(consumer)).isEqualTo("job");
        r.end(xid, XAResource.TMSUCCESS);
        r.rollback(xid);

        Message again = consumer.receive(WAIT_MILLIS);
        assertThat(((TextMessage) again).getText()).isEqualTo("job");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void aListenerThatEnlistsOnDeliveryRollsBackThenCommits() throws Exception {
        Session plain = plainSession();
        Queue in = plain.createQueue("mdb");
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
        plain.createProducer(in).send(plain.createTextMessage("job"));

        await().atMost(Duration.ofMillis(WAIT_MILLIS)).until(() -> seen.size() == 2);
        assertThat(seen).extracting(m -> ((TextMessage) m).getText()).containsExactly("job", "job");
        s.close();
        assertThat(plain.createBrowser(in).getEnumeration().hasMoreElements()).as("committed the second time")
                .isFalse();
    }

    @Test
    void aBranchPreparedBeforeTheServerRestartsIsRecoveredAndCommitted() throws Exception {
        XASession s = xaConnection().createXASession();
        Queue out = s.createQueue("durable-out");
        XAResource r = s.getXAResource();
        Xid xid = newXid();
        r.start(xid, XAResource.TMNOFLAGS);
        s.createProducer(out).send(s.createTextMessage("survives"));
        r.end(xid, XAResource.TMSUCCESS);
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        stop();

        startServer();
        XAResource recovery = xaConnection().createXASession().getXAResource();
        assertThat(recovery.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).containsExactly(xid);
        recovery.commit(xid, false);
        assertThat(receiveText(plainSession().createConsumer(out))).isEqualTo("survives");
    }
}
