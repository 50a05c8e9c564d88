package io.warren.server.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.broker.ClientConnection;
import io.warren.broker.management.ChannelInfo;
import io.warren.broker.management.ConnectionInfo;
import io.warren.server.ServerFixture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionDetailsTest {
    private final ServerFixture fixture = ServerFixture.start();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ConnectionInfo only() {
        return fixture.broker.connections().get(0).info();
    }

    @Test
    void engineKnowsTheNetworkPeerUserAndClientProperties() throws Exception {
        fixture.factory().newConnection("reporting-app").close();
        Connection c = fixture.connect();
        Channel ch = c.createChannel();
        ch.confirmSelect();
        ch.basicQos(25, true);
        String q = ch.queueDeclare().getQueue();
        ch.basicConsume(q, false, "watcher", (tag, d) -> { }, tag -> { });

        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.broker.connections().size() == 1
                && !only().channels().isEmpty() && !only().channels().get(0).consumers().isEmpty());
        ConnectionInfo info = only();
        assertThat(info.details().protocol()).isEqualTo("AMQP 0-9-1");
        assertThat(info.details().user()).isEqualTo("guest");
        assertThat(info.details().peerHost()).isEqualTo("127.0.0.1");
        assertThat(info.details().peerPort()).isPositive().isNotEqualTo(fixture.server.port());
        assertThat(info.details().port()).isEqualTo(fixture.server.port());
        assertThat(info.details().clientProperties()).containsKey("product");
        ChannelInfo channel = info.channels().get(0);
        assertThat(channel.confirm()).isTrue();
        assertThat(channel.prefetch()).isEqualTo(25);
        assertThat(channel.consumers().get(0).tag()).isEqualTo("watcher");
        assertThat(channel.consumers().get(0).queue()).isEqualTo(q);
    }

    @Test
    void operatorCloseReachesTheClientAsConnectionForcedWithTheReason() throws Exception {
        Connection c = fixture.connect();
        CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
        c.addShutdownListener(closed::complete);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.broker.connections().size() == 1);
        ClientConnection engine = fixture.broker.connections().get(0);

        engine.forceClose("closed by an operator: maintenance");

        ShutdownSignalException why = closed.get(10, TimeUnit.SECONDS);
        assertThat(why.getMessage()).contains("320").contains("closed by an operator: maintenance");
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.broker.connections().isEmpty());
    }
}
