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
    void connectionsOfAPoolWithAClientIdAreOpenAtOnceFromManyThreads() throws Exception {
        mcf.setClientID("pool-id");
        int threads = 8;
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier allOpen = new java.util.concurrent.CyclicBarrier(threads);
        try {
            java.util.List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                ids.add(executor.submit(() -> {
                    try (Connection c = cf.createConnection()) {
                        Session s = c.createSession();
                        // each thread its own durable subscription under the shared client ID
                        s.createDurableConsumer(s.createTopic("pool-topic"), "sub-" + n).close();
                        allOpen.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        return c.getClientID();
                    }
                }));
            }
            for (java.util.concurrent.Future<String> id : ids) {
                assertThat(id.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("pool-id");
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(pool.created()).hasSize(threads);
        broker.publish("pool-topic", "to every subscription");
        for (int i = 0; i < threads; i++) {
            assertThat(broker.queueDepth("jms.durable.pool-id:sub-" + i)).isEqualTo(1);
        }
    }

    @Test
    void anUnsharedDurableSubscriptionKeepsItsOneConsumerAcrossThePoolsConnections() throws Exception {
        mcf.setClientID("pool-id");
        try (Connection a = cf.createConnection(); Connection b = cf.createConnection()) {
            Session sa = a.createSession();
            Session sb = b.createSession();
            sa.createDurableConsumer(sa.createTopic("one-consumer"), "only");
            assertThatThrownBy(() -> sb.createDurableConsumer(sb.createTopic("one-consumer"), "only"))
                    .isInstanceOf(jakarta.jms.JMSException.class).hasMessageContaining("only");
        }
    }

    @Test
    void aPoolConnectionIsRefusedWhileAnotherClientHoldsItsClientIdExclusively() throws Exception {
        mcf.setClientID("taken");
        jakarta.jms.Connection holder = broker.connectionFactory().createConnection();
        try {
            holder.setClientID("taken");
            assertThatThrownBy(cf::createConnection).isInstanceOf(jakarta.jms.JMSException.class)
                    .hasMessageContaining("'taken'").hasMessageContaining("enableSharedClientID");
        } finally {
            holder.close();
        }
        try (Connection c = cf.createConnection()) {
            assertThat(c.getClientID()).isEqualTo("taken");
        }
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
