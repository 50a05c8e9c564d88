package io.warren.jms.transport.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.transport.BranchXid;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.ConsumerListener;
import io.warren.jms.transport.ConsumerSpec;
import io.warren.jms.transport.Delivery;
import io.warren.jms.url.ConnectionUrl;
import io.warren.message.Message;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * XA through the transport seam over {@code amqp://}: {@link BrokerChannel}'s XA calls against a Warren server in
 * this JVM, which carries them in its wire extension, and against a broker without the {@code xa} capability.
 */
class AmqpXaTest {
    private static final long WAIT_SECONDS = 10;
    private static final AtomicInteger IDS = new AtomicInteger();

    private Broker broker;
    private AmqpServer server;
    private final List<BrokerConnection> connections = new ArrayList<>();

    @BeforeEach
    void start() {
        broker = Broker.start(BrokerConfig.builder("amqp-xa-" + System.nanoTime()).build());
        server = AmqpServer.start(broker, ServerSettings.ephemeral(),
                UserStore.withDefaultGuest(new PasswordHasher(1_000)));
    }

    @AfterEach
    void stop() {
        connections.forEach(BrokerConnection::close);
        server.close();
        broker.close();
    }

    private BrokerConnection connect() throws Exception {
        return connect(server);
    }

    private BrokerConnection connect(AmqpServer to) throws Exception {
        BrokerConnection c = AmqpTransport.connect(ConnectionUrl.parse("amqp://127.0.0.1:" + to.port()), "xa-test",
                "guest", "guest");
        connections.add(c);
        return c;
    }

    private static Xid newXid() {
        int n = IDS.incrementAndGet();
        return new BranchXid(4660, ("global-" + n).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) n});
    }

    private static Message text(String body) {
        return Message.builder().persistent(true).body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static void assertXaError(ThrowingCallable call, int code, String... mentions) {
        assertThatThrownBy(call).isInstanceOfSatisfying(XAException.class, e -> {
            assertThat(e.errorCode).as("XA error code of '%s'", e.getMessage()).isEqualTo(code);
            if (mentions.length > 0) {
                assertThat(e.getMessage()).contains(mentions);
            }
        });
    }

    private static long depth(BrokerChannel ch, String queue) throws Exception {
        return ch.inspectQueue(queue).messageCount();
    }

    /** Sends {@code body} to queue "out" in a new branch on {@code ch}, ended with success; returns the branch. */
    private static Xid sendInBranch(BrokerChannel ch, String body) throws Exception {
        Xid xid = newXid();
        ch.xaStart(xid, XAResource.TMNOFLAGS, 0);
        ch.publish("", "out", text(body)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        ch.xaEnd(xid, XAResource.TMSUCCESS);
        return xid;
    }

    @Test
    void aWarrenServerOffersXa() throws Exception {
        assertThat(connect().features().xa()).isTrue();
    }

    @Test
    void whatASessionSendsInABranchArrivesAtTwoPhaseCommit() throws Exception {
        BrokerChannel ch = connect().createChannel();
        ch.declareQueue("out", true, false, false, Map.of());
        Xid xid = sendInBranch(ch, "shipped");
        assertThat(depth(ch, "out")).isZero();

        assertThat(ch.xaPrepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(depth(ch, "out")).isZero();
        ch.xaCommit(xid, false);
        assertThat(depth(ch, "out")).isEqualTo(1);
    }

    @Test
    void aBranchThatDidNothingPreparesReadOnly() throws Exception {
        BrokerChannel ch = connect().createChannel();
        Xid xid = newXid();
        ch.xaStart(xid, XAResource.TMNOFLAGS, 30);
        ch.xaEnd(xid, XAResource.TMSUCCESS);
        assertThat(ch.xaPrepare(xid)).isEqualTo(XAResource.XA_RDONLY);
    }

    @Test
    void acknowledgementsInABranchComeBackOnRollbackAndTakeEffectOnOnePhaseCommit() throws Exception {
        BrokerChannel ch = connect().createChannel();
        ch.declareQueue("in", true, false, false, Map.of());
        ch.publish("", "in", text("order")).get(WAIT_SECONDS, TimeUnit.SECONDS);
        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        ch.consume(new ConsumerSpec("in", 10, false, null, false), new ConsumerListener() {
            @Override
            public void onDelivery(Delivery delivery) {
                deliveries.add(delivery);
            }

            @Override
            public void onCancel(String reason) {
            }
        });
        Delivery first = deliveries.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        Xid rolledBack = newXid();
        ch.xaStart(rolledBack, XAResource.TMNOFLAGS, 0);
        ch.ack(first.tag());
        ch.xaEnd(rolledBack, XAResource.TMSUCCESS);
        ch.xaRollback(rolledBack);

        Delivery again = deliveries.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(again).as("redelivered after the rollback").isNotNull();
        assertThat(again.redelivered()).isTrue();
        Xid committed = newXid();
        ch.xaStart(committed, XAResource.TMNOFLAGS, 0);
        ch.ack(again.tag());
        ch.xaEnd(committed, XAResource.TMSUCCESS);
        ch.xaCommit(committed, true);
        ch.close();
        assertThat(depth(connect().createChannel(), "in")).as("acknowledged for good").isZero();
    }

    @Test
    void recoverListsSeveralPreparedBranchesAndAnotherConnectionCompletesThem() throws Exception {
        BrokerChannel ch = connect().createChannel();
        ch.declareQueue("out", true, false, false, Map.of());
        List<Xid> prepared = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Xid xid = sendInBranch(ch, "m" + i);
            ch.xaPrepare(xid);
            prepared.add(xid);
        }
        sendInBranch(ch, "not prepared");

        BrokerChannel recovery = connect().createChannel();
        List<Xid> inDoubt = recovery.xaRecover();
        assertThat(inDoubt).containsExactlyInAnyOrderElementsOf(prepared);
        for (int i = 0; i < inDoubt.size(); i++) {
            if (i % 2 == 0) {
                recovery.xaCommit(inDoubt.get(i), false);
            } else {
                recovery.xaRollback(inDoubt.get(i));
            }
        }
        assertThat(recovery.xaRecover()).isEmpty();
        assertThat(depth(recovery, "out")).isEqualTo(3);
    }

    @Test
    void xaFailuresCarryTheBrokersCodeAndReasonAndTheSessionChannelKeepsWorking() throws Exception {
        BrokerChannel ch = connect().createChannel();
        ch.declareQueue("out", true, false, false, Map.of());
        assertXaError(() -> ch.xaCommit(newXid(), false), XAException.XAER_NOTA, "no such branch");
        Xid xid = newXid();
        ch.xaStart(xid, XAResource.TMNOFLAGS, 0);
        assertXaError(() -> ch.xaStart(newXid(), XAResource.TMNOFLAGS, 0), XAException.XAER_PROTO, "end that");
        assertXaError(() -> ch.xaEnd(xid, XAResource.TMONEPHASE), XAException.XAER_INVAL, "x-xa-flags");
        assertXaError(() -> ch.xaPrepare(xid), XAException.XAER_PROTO, "associated");
        assertXaError(() -> ch.xaStart(new BranchXid(1, new byte[65], new byte[0]), XAResource.TMNOFLAGS, 0),
                XAException.XAER_INVAL, "x-xa-gtrid", "65 bytes");
        assertXaError(() -> ch.xaPrepare(null), XAException.XAER_INVAL, "null");
        ch.xaEnd(xid, XAResource.TMFAIL);
        assertXaError(() -> ch.xaCommit(xid, true), XAException.XA_RBROLLBACK);

        ch.publish("", "out", text("still working")).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(depth(ch, "out")).isEqualTo(1);
    }

    @Test
    void xaCallsOnALostConnectionFailWithResourceManagerUnavailable() throws Exception {
        BrokerConnection c = connect();
        BrokerChannel ch = c.createChannel();
        c.close();
        assertXaError(ch::xaRecover, XAException.XAER_RMFAIL, "XA recover");
        assertXaError(() -> ch.xaStart(newXid(), XAResource.TMNOFLAGS, 0), XAException.XAER_RMFAIL);
    }

    @Test
    void connectionsToOneServerAndVirtualHostShareAResourceManagerId() throws Exception {
        AmqpServer other = AmqpServer.start(broker, ServerSettings.ephemeral(),
                UserStore.withDefaultGuest(new PasswordHasher(1_000)));
        try {
            String id = connect().resourceManagerId();
            assertThat(connect().resourceManagerId()).isEqualTo(id);
            assertThat(id).contains("Warren", String.valueOf(server.port()), "vhost '/'");
            assertThat(connect(other).resourceManagerId()).as("another listener").isNotEqualTo(id);
        } finally {
            other.close();
        }
    }

    @Test
    void aBrokerWithoutTheXaCapabilityRefusesEveryXaCallSayingWhatIsNeeded() throws Exception {
        com.rabbitmq.client.ConnectionFactory f = new com.rabbitmq.client.ConnectionFactory();
        f.setPort(server.port());
        com.rabbitmq.client.Connection real = f.newConnection();
        BrokerConnection rabbit = new AmqpBrokerConnection(withoutCapabilities(real), "/");
        connections.add(rabbit);
        assertThat(rabbit.features().xa()).isFalse();
        BrokerChannel ch = rabbit.createChannel();
        Xid xid = newXid();
        List<ThrowingCallable> calls = List.of(() -> ch.xaStart(xid, XAResource.TMNOFLAGS, 0),
                () -> ch.xaEnd(xid, XAResource.TMSUCCESS), () -> ch.xaPrepare(xid), () -> ch.xaCommit(xid, true),
                () -> ch.xaRollback(xid), ch::xaRecover, () -> ch.xaForget(xid));
        for (ThrowingCallable call : calls) {
            assertXaError(call, XAException.XAER_RMERR, "RabbitMQ at 127.0.0.1:" + server.port(),
                    "does not support XA transactions", "Warren server");
        }
    }

    @Test
    void aMalformedBranchIdFromTheBrokerIsAResourceManagerError() {
        assertXaError(() -> AmqpXa.decode("not base64!"), XAException.XAER_RMERR, "malformed branch id");
        assertXaError(() -> AmqpXa.decode("AAAAAQU="), XAException.XAER_RMERR, "malformed branch id");
    }

    /** The connection as a RabbitMQ broker presents itself: its product name, none of Warren's capabilities. */
    private static com.rabbitmq.client.Connection withoutCapabilities(com.rabbitmq.client.Connection real) {
        Map<String, Object> rabbitMq = Map.of("product", "RabbitMQ", "capabilities",
                Map.of("publisher_confirms", true, "basic.nack", true));
        return (com.rabbitmq.client.Connection) Proxy.newProxyInstance(AmqpXaTest.class.getClassLoader(),
                new Class<?>[] {com.rabbitmq.client.Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getServerProperties")) {
                        return rabbitMq;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
