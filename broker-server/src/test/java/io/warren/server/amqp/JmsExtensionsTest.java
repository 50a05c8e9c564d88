package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import io.warren.server.ServerFixture;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the server offers a JMS client beyond AMQP 0-9-1, announced as capabilities: exact JMS times in headers,
 * delivery counts, release of unseen messages, browsing, selectors on consumers.
 */
class JmsExtensionsTest {
    private ServerFixture fixture;
    private Channel ch;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start();
        ch = fixture.connect().createChannel();
        ch.queueDeclare("q", false, false, false, null);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void publish(Map<String, Object> headers, String body) throws IOException {
        ch.basicPublish("", "q", new AMQP.BasicProperties.Builder().headers(headers).build(), body.getBytes(UTF_8));
    }

    @Test
    void capabilitiesAnnounceTheJmsExtensions() throws Exception {
        Connection c = fixture.connect();
        @SuppressWarnings("unchecked")
        Map<String, Object> caps = (Map<String, Object>) c.getServerProperties().get("capabilities");
        assertThat(caps).containsEntry("consumer_selectors", true).containsEntry("queue_browse", true)
                .containsEntry("delivery_time", true).containsEntry("no_local", true)
                .containsEntry("release_on_reject", true);
    }

    @Test
    void jmsTimesTravelExactlyAndExpiryWinsOverTheTtl() throws Exception {
        long now = System.currentTimeMillis();
        long expiry = now + 60_000;
        ch.basicPublish("", "q", new AMQP.BasicProperties.Builder().expiration("1")
                .headers(Map.of("JMSTimestamp", now - 1234, "JMSExpiration", expiry, "app", "x")).build(),
                "m".getBytes(UTF_8));
        GetResponse r = await().atMost(Duration.ofSeconds(5)).until(() -> ch.basicGet("q", true), g -> g != null);
        Map<String, Object> headers = r.getProps().getHeaders();
        assertThat(headers).containsEntry("JMSTimestamp", now - 1234).containsEntry("JMSExpiration", expiry);
        assertThat(headers.get("app")).hasToString("x");
        assertThat(r.getProps().getTimestamp().getTime()).isEqualTo((now - 1234) / 1000 * 1000);
    }

    @Test
    void aMessageWaitsForItsDeliveryTime() throws Exception {
        long at = System.currentTimeMillis() + 400;
        publish(Map.of("JMSDeliveryTime", at), "later");
        assertThat(ch.basicGet("q", true)).isNull();
        GetResponse r = await().atMost(Duration.ofSeconds(5)).until(() -> ch.basicGet("q", true), g -> g != null);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(at);
        assertThat(r.getProps().getHeaders()).containsEntry("JMSDeliveryTime", at);
    }

    @Test
    void aMalformedTimeHeaderClosesTheChannel() throws Exception {
        publish(Map.of("JMSDeliveryTime", "tomorrow"), "bad");
        await().atMost(Duration.ofSeconds(5)).until(() -> !ch.isOpen());
        assertThat(ch.getCloseReason().getMessage()).contains("406").contains("JMSDeliveryTime");
    }

    @Test
    void redeliveriesCarryTheirDeliveryCount() throws Exception {
        publish(null, "m");
        GetResponse first = ch.basicGet("q", false);
        assertThat(first.getProps().getHeaders()).isNull();
        ch.basicReject(first.getEnvelope().getDeliveryTag(), true);
        GetResponse second = ch.basicGet("q", false);
        ch.basicNack(second.getEnvelope().getDeliveryTag(), false, true);
        GetResponse third = ch.basicGet("q", false);
        assertThat(third.getEnvelope().isRedeliver()).isTrue();
        assertThat(third.getProps().getHeaders()).containsEntry("x-delivery-count", 2L);
    }

    @Test
    void aClientAskingForReleaseOnRejectGetsUnseenMessagesBackUncounted() throws Exception {
        ConnectionFactory f = fixture.factory();
        Map<String, Object> props = new HashMap<>(f.getClientProperties());
        @SuppressWarnings("unchecked")
        Map<String, Object> caps = new HashMap<>((Map<String, Object>) props.get("capabilities"));
        caps.put("release_on_reject", true);
        props.put("capabilities", caps);
        f.setClientProperties(props);
        Channel jms = fixture.track(f.newConnection()).createChannel();
        publish(null, "m");
        GetResponse got = await().atMost(Duration.ofSeconds(5)).until(() -> jms.basicGet("q", false), g -> g != null);
        jms.basicReject(got.getEnvelope().getDeliveryTag(), true);
        GetResponse again = jms.basicGet("q", false);
        assertThat(again.getEnvelope().isRedeliver()).isFalse();
        assertThat(again.getProps().getHeaders()).isNull();
        jms.basicNack(again.getEnvelope().getDeliveryTag(), false, true);
        assertThat(jms.basicGet("q", false).getEnvelope().isRedeliver()).isTrue();
    }

    @Test
    void aBrowsingConsumerSeesTheQueueWithoutTakingIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            publish(Map.of("n", i), "m" + i);
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> end = new CompletableFuture<>();
        ch.basicConsume("q", true, "", false, false, Map.of("x-browse", true, "x-selector", "n >= 2"),
                new DefaultConsumer(ch) {
                    @Override
                    public void handleDelivery(String tag, Envelope e, AMQP.BasicProperties p, byte[] body) {
                        seen.add(new String(body, UTF_8));
                    }

                    @Override
                    public void handleCancel(String tag) {
                        end.complete(null);
                    }
                });
        end.get(5, TimeUnit.SECONDS);
        assertThat(seen).containsExactly("m2", "m3", "m4");
        assertThat(ch.queueDeclarePassive("q").getMessageCount()).isEqualTo(5);
        assertThat(ch.queueDeclarePassive("q").getConsumerCount()).isZero();
    }
}
