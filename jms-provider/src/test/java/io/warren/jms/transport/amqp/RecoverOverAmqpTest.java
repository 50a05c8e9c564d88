package io.warren.jms.transport.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.QueueInfo;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Session.recover()} over {@code amqp://} while the network still carries a delivery the server made
 * before it saw the recovery: the session restarts with the first unacknowledged message, and the delivery that
 * was on its way comes after it, not ahead.
 */
class RecoverOverAmqpTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String QUEUE = "recovered";

    private Broker broker;
    private AmqpServer server;
    private TcpProxy proxy;
    private Connection consuming;
    private Connection producing;

    @BeforeEach
    void start() throws Exception {
        broker = Broker.start(BrokerConfig.builder("recover-" + System.nanoTime()).build());
        server = AmqpServer.start(broker, ServerSettings.ephemeral(),
                UserStore.withDefaultGuest(new PasswordHasher(1_000)));
        proxy = new TcpProxy(server.port());
    }

    @AfterEach
    void stop() throws JMSException {
        proxy.releaseToClients();
        for (Connection c : new Connection[] {consuming, producing}) {
            if (c != null) {
                c.close();
            }
        }
        proxy.close();
        server.close();
        broker.close();
    }

    private QueueInfo queue() {
        return broker.defaultVirtualHost().queueInfo(QUEUE);
    }

    private static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }

    @Test
    void aDeliveryOnItsWayWhenTheSessionRecoversComesAfterTheRedeliveredMessage() throws Exception {
        consuming = new WarrenConnectionFactory("amqp://guest:guest@127.0.0.1:" + proxy.port()).createConnection();
        producing = new WarrenConnectionFactory("amqp://guest:guest@127.0.0.1:" + server.port()).createConnection();
        Session session = consuming.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = session.createQueue(QUEUE);
        MessageConsumer consumer = session.createConsumer(q);
        consuming.start();
        Session producer = producing.createSession();
        producer.createProducer(q).send(producer.createTextMessage("m0"));
        assertThat(text(consumer.receive(WAIT.toMillis()))).isEqualTo("m0");

        proxy.holdToClients();
        producer.createProducer(q).send(producer.createTextMessage("m1"));
        // the server pushed m1 to the consumer: it waits in the proxy
        await().atMost(WAIT).until(() -> queue().messageCount() == 0 && queue().unacknowledgedCount() == 2);
        long before = proxy.bytesToServer();
        CompletableFuture<Void> recovered = CompletableFuture.runAsync(() -> {
            try {
                session.recover();
            } catch (JMSException e) {
                throw new CompletionException(e);
            }
        });
        // recover has looked at the consumer's buffer: it returned, or it asked the server and waits for the reply
        await().atMost(WAIT).until(() -> recovered.isDone() || proxy.bytesToServer() > before);
        proxy.releaseToClients();
        recovered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        Message first = consumer.receive(WAIT.toMillis());
        assertThat(text(first)).isEqualTo("m0");
        assertThat(first.getJMSRedelivered()).isTrue();
        Message second = consumer.receive(WAIT.toMillis());
        assertThat(text(second)).isEqualTo("m1");
        assertThat(second.getJMSRedelivered()).isFalse();
        second.acknowledge();
        await().atMost(WAIT).until(() -> queue().messageCount() == 0 && queue().unacknowledgedCount() == 0);
    }
}
