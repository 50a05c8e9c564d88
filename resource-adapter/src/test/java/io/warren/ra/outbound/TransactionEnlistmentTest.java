package io.warren.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.junit.WarrenExtension;
import io.warren.ra.WarrenResourceAdapter;
import io.warren.ra.testing.PoolingConnectionManager;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionEnlistmentTest {
    @RegisterExtension
    final WarrenExtension broker = WarrenExtension.builder().build();
    private WarrenManagedConnectionFactory mcf;
    private PoolingConnectionManager pool;
    private ConnectionFactory cf;

    @BeforeEach
    void setUp() {
        WarrenResourceAdapter ra = new WarrenResourceAdapter();
        ra.setConnectionUrl(broker.url());
        mcf = new WarrenManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        pool = new PoolingConnectionManager();
        cf = (ConnectionFactory) mcf.createConnectionFactory(pool);
    }

    @AfterEach
    void tearDown() {
        pool.destroyAll();
    }

    private void send(String queue, String text) throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage(text));
        }
    }

    @Test
    void sendInACommittedJtaTransactionArrivesOnlyAfterTheCommit() throws Exception {
        pool.begin();
        send("orders", "in-tx");
        assertThat(broker.queueDepth("orders")).isZero();

        assertThat(pool.complete()).isTrue();

        assertThat(broker.drainText("orders")).containsExactly("in-tx");
    }

    @Test
    void sendInARolledBackJtaTransactionNeverArrives() throws Exception {
        pool.begin().setRollbackOnly();
        send("orders", "rolled-back");
        assertThat(pool.complete()).isFalse();

        send("orders", "after");
        assertThat(broker.drainText("orders")).containsExactly("after");
    }

    @Test
    void sessionsOfTwoConnectionsInOneTransactionCommitTogetherInTwoPhases() throws Exception {
        pool.begin();
        try (Connection a = cf.createConnection(); Connection b = cf.createConnection()) {
            Session sa = a.createSession();
            Session sb = b.createSession();
            sa.createProducer(sa.createQueue("two")).send(sa.createTextMessage("from a"));
            sb.createProducer(sb.createQueue("two")).send(sb.createTextMessage("from b"));
        }
        assertThat(pool.created()).hasSize(2);
        assertThat(broker.queueDepth("two")).isZero();

        pool.complete();

        assertThat(broker.drainText("two")).containsExactlyInAnyOrder("from a", "from b");
    }

    @Test
    void messageReceivedInARolledBackTransactionIsPutBack() throws Exception {
        broker.send("work", "job-1");
        pool.begin();
        try (Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession();
            MessageConsumer consumer = s.createConsumer(s.createQueue("work"));
            Message m = consumer.receive(5000);
            assertThat(((TextMessage) m).getText()).isEqualTo("job-1");
        }
        pool.rollback();

        assertThat(broker.drainText("work")).containsExactly("job-1");
    }

    @Test
    void outsideATransactionTheSessionIsNonTransactedAutoAcknowledgeWhateverTheArguments() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            assertThat(s.getTransacted()).isFalse();
            assertThat(s.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
            s.createProducer(s.createQueue("plain")).send(s.createTextMessage("at once"));
            assertThat(broker.drainText("plain")).containsExactly("at once");
        }
    }

    @Test
    void aSessionMadeBeforeTheTransactionBeganWorksInsideIt() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer before = s.createProducer(s.createQueue("bmt"));
            assertThat(s.getTransacted()).isFalse();
            ManagedConnection held = pool.created().get(0);

            // What a server does at UserTransaction.begin() for the connections a bean holds.
            pool.begin().enlist(held.getXAResource());
            assertThat(s.getTransacted()).isTrue();
            assertThat(s.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
            before.send(s.createTextMessage("rolled back, old producer"));
            s.createProducer(s.createQueue("bmt")).send(s.createTextMessage("rolled back, new producer"));
            pool.rollback();

            pool.begin().enlist(held.getXAResource());
            before.send(s.createTextMessage("committed"));
            assertThat(broker.queueDepth("bmt")).isZero();
            assertThat(pool.complete()).isTrue();

            assertThat(s.getTransacted()).isFalse();
            before.send(s.createTextMessage("after, at once"));
        }
        assertThat(broker.drainText("bmt")).containsExactly("committed", "after, at once");
    }

    @Test
    void outsideATransactionDupsOkAcknowledgeIsKeptAndReported() throws Exception {
        broker.send("lazy", "one");
        try (Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            assertThat(s.getTransacted()).isFalse();
            assertThat(s.getAcknowledgeMode()).isEqualTo(Session.DUPS_OK_ACKNOWLEDGE);
            assertThat(((TextMessage) s.createConsumer(s.createQueue("lazy")).receive(5000)).getText())
                    .isEqualTo("one");
        }
        try (Connection c = cf.createConnection()) {
            assertThat(c.createSession(Session.CLIENT_ACKNOWLEDGE).getAcknowledgeMode())
                    .isEqualTo(Session.AUTO_ACKNOWLEDGE);
        }
        try (JMSContext ctx = cf.createContext(JMSContext.DUPS_OK_ACKNOWLEDGE)) {
            assertThat(ctx.getSessionMode()).isEqualTo(JMSContext.DUPS_OK_ACKNOWLEDGE);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.queueDepth("lazy") == 0);

        pool.begin();
        try (JMSContext ctx = cf.createContext(JMSContext.DUPS_OK_ACKNOWLEDGE)) {
            assertThat(ctx.getSessionMode()).isEqualTo(JMSContext.SESSION_TRANSACTED);
        }
        pool.complete();
    }

    @Test
    void anUnknownSessionModeIsRefusedWithTheModesThatCount() throws Exception {
        try (Connection c = cf.createConnection()) {
            assertThatThrownBy(() -> c.createSession(42)).isInstanceOf(jakarta.jms.JMSException.class)
                    .hasMessageContaining("42").hasMessageContaining("DUPS_OK_ACKNOWLEDGE");
            assertThat(c.createSession(Session.AUTO_ACKNOWLEDGE).getAcknowledgeMode())
                    .isEqualTo(Session.AUTO_ACKNOWLEDGE);
        }
        assertThatThrownBy(() -> cf.createContext(42)).isInstanceOf(jakarta.jms.JMSRuntimeException.class)
                .hasMessageContaining("42");
    }

    @Test
    void insideAJtaTransactionTheSessionIsTransactedWhateverTheArguments() throws Exception {
        pool.begin();
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertThat(s.getTransacted()).isTrue();
            assertThat(s.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        }
        pool.complete();
    }

    @Test
    void commitAndRollbackAreRefusedInsideAJtaTransactionAndOutsideOne() throws Exception {
        pool.begin();
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession();
            assertThatThrownBy(s::commit).isInstanceOf(TransactionInProgressException.class)
                    .hasMessageContaining("transaction manager");
            assertThatThrownBy(s::rollback).isInstanceOf(TransactionInProgressException.class);
        }
        pool.complete();
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession();
            assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("non-transacted");
        }
    }

    @Test
    void localTransactionCommitsOrRollsBackTheSessionsWork() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            LocalTransaction tx = mc.getLocalTransaction();
            tx.begin();
            Connection first = (Connection) mc.getConnection(null, null);
            Session s1 = first.createSession();
            assertThat(s1.getTransacted()).isTrue();
            s1.createProducer(s1.createQueue("local")).send(s1.createTextMessage("rolled back"));
            first.close();
            tx.rollback();

            tx.begin();
            Connection second = (Connection) mc.getConnection(null, null);
            Session s2 = second.createSession();
            s2.createProducer(s2.createQueue("local")).send(s2.createTextMessage("committed"));
            second.close();
            assertThat(broker.queueDepth("local")).isZero();
            tx.commit();

            assertThat(broker.drainText("local")).containsExactly("committed");
        } finally {
            mc.destroy();
        }
    }

    @Test
    void jmsContextSendsJoinTheJtaTransaction() throws Exception {
        pool.begin().setRollbackOnly();
        try (JMSContext ctx = cf.createContext()) {
            ctx.createProducer().send(ctx.createQueue("ctx"), "rolled back");
        }
        pool.complete();

        pool.begin();
        try (JMSContext ctx = cf.createContext()) {
            assertThat(ctx.getTransacted()).isTrue();
            ctx.createProducer().setProperty("kind", "test").send(ctx.createQueue("ctx"), "committed");
        }
        assertThat(broker.queueDepth("ctx")).isZero();
        pool.complete();

        assertThat(broker.drainText("ctx")).containsExactly("committed");
    }

    @Test
    void jmsContextOutsideATransactionSendsAtOnceAndReceives() throws Exception {
        try (JMSContext ctx = cf.createContext(JMSContext.SESSION_TRANSACTED)) {
            assertThat(ctx.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
            ctx.createProducer().setProperty("n", 7).send(ctx.createQueue("ctx-plain"), "hello");
            Message m = ctx.createConsumer(ctx.createQueue("ctx-plain")).receive(5000);
            assertThat(m.getBody(String.class)).isEqualTo("hello");
            assertThat(m.getIntProperty("n")).isEqualTo(7);
        }
    }
}
