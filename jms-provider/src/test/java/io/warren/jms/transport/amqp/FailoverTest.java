package io.warren.jms.transport.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fail-over over {@code amqp://}: the network under a connection breaks (a proxy drops it) or a host of the
 * list stops answering; the connection comes back on a host that answers, consumers resume, what was delivered
 * and not acknowledged comes again marked redelivered, and a transaction caught in the break fails its commit.
 */
class FailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Broker broker;
    private AmqpServer first;
    private AmqpServer second;
    private TcpProxy proxy;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = Broker.start(BrokerConfig.builder("failover-" + System.nanoTime()).build());
        UserStore users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        // two listeners on one broker: two nodes that share their queues, as a cluster's do
        first = AmqpServer.start(broker, ServerSettings.ephemeral(), users);
        second = AmqpServer.start(broker, ServerSettings.ephemeral(), users);
        proxy = new TcpProxy(first.port());
    }

    @AfterEach
    void stop() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (JMSException ignored) {
                // lost already
            }
        }
        proxy.close();
        first.close();
        second.close();
        broker.close();
    }

    private Connection connect(String url) throws JMSException {
        Connection c = new WarrenConnectionFactory(url).createConnection();
        connections.add(c);
        return c;
    }

    @Test
    void afterANetworkBreakTheConsumerResumesAndUnacknowledgedMessagesComeAgainRedelivered() throws Exception {
        Connection c = connect("amqp://guest:guest@127.0.0.1:" + proxy.port() + "?failover=true");
        AtomicReference<JMSException> reported = new AtomicReference<>();
        c.setExceptionListener(reported::set);
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue("resume");
        MessageProducer p = s.createProducer(q);
        MessageConsumer consumer = s.createConsumer(q);
        c.start();
        p.send(s.createTextMessage("m1"));
        Message first = consumer.receive(5_000);
        assertThat(((TextMessage) first).getText()).isEqualTo("m1");
        assertThat(first.getJMSRedelivered()).isFalse();

        proxy.cut();

        Message again = consumer.receive(WAIT.toMillis());
        assertThat(((TextMessage) again).getText()).isEqualTo("m1");
        assertThat(again.getJMSRedelivered()).isTrue();
        p.send(s.createTextMessage("m2"));
        assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("m2");
        again.acknowledge();
        assertThat(reported.get()).isNull();
        await().atMost(WAIT).until(() -> broker.defaultVirtualHost().queueInfo("resume").messageCount() == 0
                && broker.defaultVirtualHost().queueInfo("resume").unacknowledgedCount() == 0);
    }

    @Test
    void aHostListFailsOverToTheNextHostAndListenersGoOn() throws Exception {
        Connection c = connect("amqp://guest:guest@127.0.0.1:" + proxy.port() + ",127.0.0.1:" + second.port());
        Session s = c.createSession();
        Queue q = s.createQueue("listened");
        List<String> got = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                got.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        TemporaryQueue replies = s.createTemporaryQueue();
        c.start();
        MessageProducer p = s.createProducer(q);
        p.send(s.createTextMessage("before"));
        await().atMost(WAIT).until(() -> got.contains("before"));

        proxy.refuse(); // the first host is gone for good

        p.send(s.createTextMessage("after"));
        await().atMost(WAIT).until(() -> got.contains("after"));
        // the temporary queue is there again under its name, for replies
        s.createProducer(replies).send(s.createTextMessage("reply"));
        assertThat(((TextMessage) s.createConsumer(replies).receive(5_000)).getText()).isEqualTo("reply");
    }

    @Test
    void aTransactionCaughtInTheBreakFailsItsCommitAndTheNextOneWorks() throws Exception {
        Connection c = connect("amqp://guest:guest@127.0.0.1:" + proxy.port() + "?failover=true");
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue("tx-break");
        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("lost with the transaction"));

        proxy.cut();

        assertThatThrownBy(tx::commit).isInstanceOf(TransactionRolledBackException.class);
        p.send(tx.createTextMessage("committed"));
        tx.commit();
        c.start();
        TextMessage m = (TextMessage) tx.createConsumer(q).receive(5_000);
        assertThat(m.getText()).isEqualTo("committed");
        tx.commit();
    }

    @Test
    void whenNoHostAnswersItGivesUpAndTellsTheExceptionListener() throws Exception {
        Connection c = connect("amqp://guest:guest@127.0.0.1:" + proxy.port() + "?failover=true&failoverTimeout=500");
        AtomicReference<JMSException> reported = new AtomicReference<>();
        c.setExceptionListener(reported::set);
        Session s = c.createSession();
        MessageConsumer consumer = s.createConsumer(s.createQueue("gone"));
        c.start();

        proxy.refuse();

        await().atMost(WAIT).until(() -> reported.get() != null);
        assertThat(reported.get().getMessage()).contains("fail-over gave up");
        assertThatThrownBy(() -> consumer.receive(1_000)).isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessageContaining("connection lost");
    }
}
