package io.warren.jms.transport.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.BrowseCursor;
import io.warren.jms.url.ConnectionUrl;
import io.warren.message.Message;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browsing over {@code amqp://}: a queue far deeper than the memory budget is walked in order while the client
 * holds no more than the browse's credit, and a browse that is given up frees its channel on the server.
 */
class AmqpBrowseCursorTest {
    private static final int MESSAGES = 20_000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Broker broker;
    private AmqpServer server;
    private BrokerConnection connection;
    private BrokerChannel channel;

    @BeforeEach
    void start() throws Exception {
        broker = Broker.start(BrokerConfig.builder("amqp-browse-" + System.nanoTime()).jmx(false)
                .maxMemory(16L << 20).queuePagingThreshold(64L << 10).build());
        server = AmqpServer.start(broker, ServerSettings.ephemeral(),
                UserStore.withDefaultGuest(new PasswordHasher(1_000)));
        connection = AmqpTransport.connect(ConnectionUrl.parse(url()), "browse-test", null, null);
        channel = connection.createChannel();
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        server.close();
        broker.close();
    }

    private String url() {
        return "amqp://guest:guest@127.0.0.1:" + server.port();
    }

    private void fill(String queue, int count) throws Exception {
        channel.declareQueue(queue, true, false, false, Map.of());
        byte[] padding = new byte[1000];
        CompletableFuture<?> last = null;
        for (int i = 0; i < count; i++) {
            byte[] body = ("m" + i + ";").getBytes(StandardCharsets.US_ASCII);
            last = channel.publish("", queue, Message.builder().header("n", i)
                    .body(Arrays.copyOf(body, body.length + padding.length)).build());
        }
        last.join();
    }

    private int serverChannels() {
        return broker.connections().stream().mapToInt(c -> c.info().channels().size()).sum();
    }

    @Test
    void aPagedQueueIsBrowsedInOrderWhileTheClientHoldsNoMoreThanTheCredit() throws Exception {
        fill("deep", MESSAGES);
        assertThat(broker.defaultVirtualHost().queue("deep").orElseThrow().statistics().paged())
                .as("most of the queue is paged").isGreaterThan(MESSAGES / 2);
        AmqpBrowseCursor cursor = (AmqpBrowseCursor) channel.browse("deep", null);
        int expected = 0;
        int mostHeld = 0;
        while (true) {
            // what arrived and is not handed out yet is all unsettled on the server (plus, at the end, the end)
            mostHeld = Math.max(mostHeld, cursor.held());
            List<Message> batch = cursor.next(256);
            if (batch.isEmpty()) {
                break;
            }
            for (Message m : batch) {
                assertThat(((Number) m.headers().get("n")).intValue()).isEqualTo(expected++);
            }
        }
        assertThat(expected).isEqualTo(MESSAGES);
        assertThat(mostHeld).isLessThanOrEqualTo(AmqpBrowseCursor.CREDIT + 1);
        assertThat(cursor.isOpen()).as("the end of the walk closes the browsing channel").isFalse();
        assertThat(broker.defaultVirtualHost().queue("deep").orElseThrow().statistics().ready())
                .isEqualTo(MESSAGES);
    }

    @Test
    void aSelectorMatchingFewMessagesOfADeepQueueFindsThemAll() throws Exception {
        fill("sparse", 5_000);
        BrowseCursor cursor = channel.browse("sparse", "n = 3 OR n = 4999");
        assertThat(cursor.next(256)).extracting(m -> ((Number) m.headers().get("n")).intValue()).containsExactly(3);
        assertThat(cursor.next(256)).extracting(m -> ((Number) m.headers().get("n")).intValue())
                .containsExactly(4999);
        assertThat(cursor.next(256)).isEmpty();
    }

    @Test
    void aBrowseOfAMissingQueueFailsAtOnce() {
        assertThatThrownBy(() -> channel.browse("missing", null)).isInstanceOf(JMSException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void closingABrowserOrItsSessionMidWalkFreesTheBrowsingChannel() throws Exception {
        fill("q", 2_000);
        int before = serverChannels();
        try (Connection c = new WarrenConnectionFactory(url()).createConnection()) {
            Session s = c.createSession();
            QueueBrowser browser = s.createBrowser(s.createQueue("q"));
            Enumeration<?> e = browser.getEnumeration();
            e.nextElement();
            int browsing = serverChannels();
            browser.close();
            assertThat(e.hasMoreElements()).isFalse();
            await().atMost(WAIT).until(() -> serverChannels() == browsing - 1);

            Enumeration<?> again = s.createBrowser(s.createQueue("q")).getEnumeration();
            again.nextElement();
            assertThat(serverChannels()).isEqualTo(browsing);
            s.close();
            assertThat(again.hasMoreElements()).isFalse();
            // the session's own channel and the browse's
            await().atMost(WAIT).until(() -> serverChannels() == browsing - 2);
        }
        await().atMost(WAIT).until(() -> serverChannels() == before);
    }
}
