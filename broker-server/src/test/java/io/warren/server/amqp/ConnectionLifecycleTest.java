package io.warren.server.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.server.AmqpServer;
import io.warren.server.ServerFixture;
import io.warren.server.ServerSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionLifecycleTest {
    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = ServerFixture.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void serverAnnouncesItselfAndRabbitMqsExtensions() throws Exception {
        Connection c = fixture.connect();
        Map<String, Object> props = c.getServerProperties();
        assertThat(props.get("product")).hasToString("Warren");
        assertThat(props).containsKeys("version", "platform");
        @SuppressWarnings("unchecked")
        Map<String, Object> caps = (Map<String, Object>) props.get("capabilities");
        assertThat(caps).containsEntry("publisher_confirms", true)
                .containsEntry("exchange_exchange_bindings", true)
                .containsEntry("basic.nack", true)
                .containsEntry("consumer_cancel_notify", true)
                .containsEntry("connection.blocked", true)
                .containsEntry("authentication_failure_close", true)
                .containsEntry("per_consumer_qos", true);
    }

    @Test
    void tuningTakesRabbitMqsDefaultsOrTheClientsLowerLimits() throws Exception {
        Connection defaults = fixture.connect();
        assertThat(defaults.getChannelMax()).isEqualTo(2047);
        assertThat(defaults.getFrameMax()).isEqualTo(131072);
        assertThat(defaults.getHeartbeat()).isEqualTo(60);

        ConnectionFactory f = fixture.factory();
        f.setRequestedChannelMax(10);
        f.setRequestedFrameMax(8192);
        f.setRequestedHeartbeat(5);
        Connection tuned = fixture.track(f.newConnection());
        assertThat(tuned.getChannelMax()).isEqualTo(10);
        assertThat(tuned.getFrameMax()).isEqualTo(8192);
        assertThat(tuned.getHeartbeat()).isEqualTo(5);
        Channel ch = tuned.createChannel();
        String q = ch.queueDeclare().getQueue();
        byte[] body = new byte[50_000];
        ch.basicPublish("", q, null, body);
        assertThat(ch.basicGet(q, true).getBody()).hasSize(50_000);
    }

    @Test
    void aClientCloseReleasesTheConnectionOnTheServer() throws Exception {
        Connection c = fixture.connect();
        Channel ch = c.createChannel();
        ch.queueDeclare("excl", false, true, false, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.server.connectionCount() == 1);

        c.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.server.connectionCount() == 0);
        Channel other = fixture.connect().createChannel();
        assertThat(ClosedBy.channelError(() -> other.queueDeclarePassive("excl")).getReplyCode()).isEqualTo(404);
    }

    @Test
    void manyChannelsCanBeOpenedUsedAndClosed() throws Exception {
        Connection c = fixture.connect();
        for (int i = 0; i < 200; i++) {
            Channel ch = c.createChannel();
            ch.queueDeclare().getQueue();
            ch.close();
        }
        Channel last = c.createChannel();
        assertThat(last.getChannelNumber()).isPositive();
        assertThat(last.isOpen()).isTrue();
    }

    @Test
    void closingTheServerTellsClientsConnectionForced() throws Exception {
        // a second server on the same broker, so that the fixture does not close a closed server
        AmqpServer second = AmqpServer.start(fixture.broker, ServerSettings.ephemeral(), fixture.users);
        ConnectionFactory factory = fixture.factory();
        factory.setPort(second.port());
        Connection c = fixture.track(factory.newConnection());
        CompletableFuture<ShutdownSignalException> shutdown = new CompletableFuture<>();
        c.addShutdownListener(shutdown::complete);

        second.close();

        ShutdownSignalException s = shutdown.get(5, TimeUnit.SECONDS);
        assertThat(s.isInitiatedByApplication()).isFalse();
        assertThat(s.getReason()).isInstanceOf(AMQP.Connection.Close.class);
        assertThat(((AMQP.Connection.Close) s.getReason()).getReplyCode()).isEqualTo(320);
    }

    @Test
    void updateSecretIsAccepted() throws Exception {
        try (RawAmqpClient c = RawAmqpClient.open(fixture.server.port(), 0, 131072, 0)) {
            c.sendMethod(0, 10, 70, new RawAmqpClient.Args().longStr("guest".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .shortStr("refresh").bytes());
            c.awaitMethod(10, 71);
            c.openChannel(1);
        }
    }

    @Test
    void aClientThatNeverCompletesTheHandshakeIsDisconnected() throws Exception {
        fixture.close();
        fixture = ServerFixture.start(s -> s.withHandshakeTimeout(Duration.ofMillis(300)));
        try (RawAmqpClient c = RawAmqpClient.connect(fixture.server.port())) {
            c.sendRaw(RawAmqpClient.AMQP_0_9_1);
            c.awaitMethod(10, 10);
            c.awaitEndOfStream();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.server.connectionCount() == 0);
    }
}
