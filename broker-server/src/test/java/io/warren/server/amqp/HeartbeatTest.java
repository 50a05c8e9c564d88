package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.warren.server.ServerFixture;
import io.warren.server.amqp.RawAmqpClient.Args;
import io.warren.server.amqp.RawAmqpClient.Frame;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
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
    void anIdleClientWithAOneSecondHeartbeatStaysConnected() throws Exception {
        ConnectionFactory factory = fixture.factory();
        factory.setRequestedHeartbeat(1);
        Connection c = fixture.track(factory.newConnection());
        assertThat(c.getHeartbeat()).isEqualTo(1);

        // longer than the two missed heartbeats after which the server gives up on a peer, passes without a frame from the application
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4)).until(c::isOpen);
        Channel ch = c.createChannel();
        assertThat(ch.queueDeclare().getQueue()).isNotEmpty();
    }

    @Test
    void theServerSendsHeartbeatsAtTheNegotiatedInterval() throws Exception {
        try (RawAmqpClient raw = RawAmqpClient.open(fixture.server.port(), 0, 131072, 1)) {
            int heartbeats = 0;
            long start = System.nanoTime();
            while (heartbeats < 2) {
                Frame f = raw.readFrame();
                assertThat(f).as("connection still open").isNotNull();
                if (f.type() == RawAmqpClient.HEARTBEAT) {
                    heartbeats++;
                    raw.sendHeartbeat();
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(fixture.server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void aPeerThatStopsSendingHeartbeatsIsClosedAndItsQueuesAndDeliveriesAreReleased() throws Exception {
        Channel ch = fixture.connect().createChannel();
        ch.queueDeclare("shared", false, false, false, null);
        ch.basicPublish("", "shared", null, "held".getBytes(UTF_8));
        // a round trip on the publishing channel: the publish is in the queue before the peer's get below
        assertThat(ch.queueDeclarePassive("shared").getMessageCount()).isEqualTo(1);

        try (RawAmqpClient dead = RawAmqpClient.open(fixture.server.port(), 0, 131072, 1)) {
            dead.openChannel(1);
            dead.sendMethod(1, 50, 10, new Args().shortInt(0).shortStr("dead-peers").bits(false, false, true, false,
                    false).emptyTable().bytes());
            dead.awaitMethod(50, 11);
            dead.sendMethod(1, 60, 70, new Args().shortInt(0).shortStr("shared").bits(false).bytes());
            dead.awaitMethod(60, 71);
            assertThat(ch.queueDeclarePassive("shared").getMessageCount()).isZero();

            // from here on the peer sends nothing, not even heartbeats
            dead.awaitEndOfStream();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.server.connectionCount() == 1);
        assertThat(ClosedBy.channelError(() -> ch.queueDeclarePassive("dead-peers")).getReplyCode()).isEqualTo(404);
        Channel again = fixture.connect().createChannel();
        GetResponse requeued = again.basicGet("shared", true);
        assertThat(new String(requeued.getBody(), UTF_8)).isEqualTo("held");
        assertThat(requeued.getEnvelope().isRedeliver()).isTrue();
    }
}
