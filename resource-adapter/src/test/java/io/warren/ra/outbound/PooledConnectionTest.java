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
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.TopicSession;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ManagedConnection;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PooledConnectionTest {
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

    @Test
    void closingTheConnectionReturnsTheManagedConnectionToThePoolWhichHandsItOutAgain() throws Exception {
        Connection first = cf.createConnection();
        first.close();
        assertThat(pool.eventIds()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(pool.free()).hasSize(1);

        Connection second = cf.createConnection();
        second.close();
        assertThat(pool.eventIds()).containsExactly(ConnectionEvent.CONNECTION_CLOSED,
                ConnectionEvent.CONNECTION_CLOSED);
        assertThat(pool.created()).hasSize(1);
    }

    @Test
    void handsOutTheSameManagedConnectionForEachSequentialUse() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (Connection c = cf.createConnection()) {
                Session s = c.createSession();
                s.createProducer(s.createQueue("reuse")).send(s.createTextMessage("m" + i));
            }
        }
        assertThat(pool.created()).hasSize(1);
        assertThat(broker.drainText("reuse")).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void matchManagedConnectionsMatchesOnUrlAndUser() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, WarrenConnectionRequestInfo.DEFAULT);
        try {
            assertThat(mcf.matchManagedConnections(Set.of(mc), null, WarrenConnectionRequestInfo.DEFAULT))
                    .isSameAs(mc);
            assertThat(mcf.matchManagedConnections(Set.of(mc), null, null)).isSameAs(mc);
            assertThat(mcf.matchManagedConnections(Set.of(mc), null,
                    new WarrenConnectionRequestInfo("alice", "secret"))).isNull();

            WarrenManagedConnectionFactory otherUrl = new WarrenManagedConnectionFactory();
            otherUrl.setResourceAdapter(mcf.getResourceAdapter());
            otherUrl.setConnectionUrl("vm://somewhere-else");
            assertThat(otherUrl.matchManagedConnections(Set.of(mc), null, null)).isNull();
        } finally {
            mc.destroy();
        }
    }

    @Test
    void cleanupInvalidatesHandlesAndClosesWhatTheApplicationLeftOpen() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            Connection handle = (Connection) mc.getConnection(null, null);
            Session session = handle.createSession();
            session.createConsumer(session.createQueue("left-open"));
            handle.start();

            mc.cleanup();

            assertThatThrownBy(handle::createSession).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> session.createQueue("q")).isInstanceOf(IllegalStateException.class);
            // The consumer the application forgot is gone: it does not hold the next message back.
            broker.send("left-open", "after-cleanup");
            assertThat(broker.drainText("left-open")).containsExactly("after-cleanup");
        } finally {
            mc.destroy();
        }
    }

    @Test
    void brokerFailureRaisesConnectionErrorOccurredAndThePoolDestroysTheManagedConnection() throws Exception {
        Connection c = cf.createConnection();
        c.createSession();

        broker.stop();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pool.eventIds())
                .contains(ConnectionEvent.CONNECTION_ERROR_OCCURRED));
        assertThat(pool.destroyed()).hasSize(1);
        assertThat(pool.free()).isEmpty();
    }

    @Test
    void onlyOneSessionPerConnectionIsActiveAtATime() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session first = c.createSession();
            assertThatThrownBy(c::createSession).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only one per connection");
            first.close();
            assertThat(c.createSession()).isNotNull();
        }
    }

    @Test
    void queueAndTopicConnectionFactoriesHandOutHandlesThatSend() throws Exception {
        try (QueueConnection qc = ((QueueConnectionFactory) cf).createQueueConnection()) {
            QueueSession qs = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            qs.createSender(qs.createQueue("classic")).send(qs.createTextMessage("via queue session"));
        }
        try (TopicConnection tc = ((TopicConnectionFactory) cf).createTopicConnection()) {
            TopicSession ts = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            ts.createPublisher(ts.createTopic("nobody.listens")).publish(ts.createTextMessage("via topic session"));
        }
        assertThat(broker.drainText("classic")).containsExactly("via queue session");
    }

    @Test
    void withoutAServerTheFactoryOpensAConnectionPerHandleAndClosesItWithTheHandle() throws Exception {
        ConnectionFactory unmanaged = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection c = unmanaged.createConnection()) {
            Session s = c.createSession();
            s.createProducer(s.createQueue("unmanaged")).send(s.createTextMessage("no server"));
        }
        assertThat(broker.drainText("unmanaged")).containsExactly("no server");
    }
}
