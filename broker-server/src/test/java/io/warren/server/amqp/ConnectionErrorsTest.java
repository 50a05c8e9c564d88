package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warren.broker.BrokerConfig;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.Store;
import io.warren.broker.store.StoreBatch;
import io.warren.server.ServerFixture;
import io.warren.server.amqp.RawAmqpClient.Args;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connection exceptions: {@code connection.close} with RabbitMQ's code, then the socket closes. Protocol
 * violations the RabbitMQ client never commits are sent with {@link RawAmqpClient}.
 */
class ConnectionErrorsTest {
    private static final int FRAME_MAX = 131072;

    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = ServerFixture.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private RawAmqpClient raw() throws IOException {
        return RawAmqpClient.open(fixture.server.port(), 0, FRAME_MAX, 0);
    }

    private void serverStillServes() throws Exception {
        Channel ch = fixture.connect().createChannel();
        assertThat(ch.queueDeclare().getQueue()).isNotEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.server.connectionCount() == 1);
    }

    private static byte[] queueDeclare(String name) throws IOException {
        return new Args().shortInt(0).shortStr(name).bits(false, false, false, false, false).emptyTable().bytes();
    }

    private static byte[] basicPublish(String exchange, String key) throws IOException {
        return new Args().shortInt(0).shortStr(exchange).shortStr(key).bits(false, false).bytes();
    }

    @Test
    void anUnsupportedProtocolHeaderIsAnsweredWithAmqp0091AndTheSocketCloses() throws Exception {
        try (RawAmqpClient c = RawAmqpClient.connect(fixture.server.port())) {
            c.sendRaw(new byte[] {'A', 'M', 'Q', 'P', 1, 1, 0, 10});
            assertThat(c.readAllBytes()).isEqualTo(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
        }
        try (RawAmqpClient c = RawAmqpClient.connect(fixture.server.port())) {
            c.sendRaw("GET / HTTP/1.1\r\n\r\n".getBytes(UTF_8));
            assertThat(c.readAllBytes()).isEqualTo(RawAmqpClient.AMQP_0_9_1);
        }
        serverStillServes();
    }

    @Test
    void anInvalidExchangeTypeClosesTheConnectionWith503() throws Exception {
        Connection c = fixture.connect();
        Channel ch = c.createChannel();
        AMQP.Connection.Close close = ClosedBy.connectionError(() -> ch.exchangeDeclare("ex", "no-such-type"));
        assertThat(close.getReplyCode()).isEqualTo(503);
        assertThat(close.getReplyText()).isEqualTo("COMMAND_INVALID - invalid exchange type 'no-such-type'");
        assertThat(close.getClassId()).isEqualTo(40);
        assertThat(close.getMethodId()).isEqualTo(10);
        assertThat(c.isOpen()).isFalse();
        serverStillServes();
    }

    @Test
    void aConnectionMethodOutOfOrderClosesTheConnectionWith503() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.sendMethod(0, 10, 31, new Args().shortInt(0).longInt(FRAME_MAX).shortInt(0).bytes());
            assertThat(c.awaitConnectionClose()).isEqualTo(503);
            c.awaitEndOfStream();
        }
    }

    @Test
    void aServerOnlyMethodSentByTheClientClosesTheConnectionWith503() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.openChannel(1);
            // basic.deliver: consumer-tag, delivery-tag, redelivered, exchange, routing-key
            c.sendMethod(1, 60, 60, new Args().shortStr("t").longLong(1).bits(false).shortStr("").shortStr("q")
                    .bytes());
            assertThat(c.awaitConnectionClose()).isEqualTo(503);
        }
    }

    @Test
    void aMethodOnAChannelThatIsNotOpenClosesTheConnectionWith504() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.sendMethod(3, 50, 10, queueDeclare("q"));
            assertThat(c.awaitConnectionClose()).isEqualTo(504);
            c.awaitEndOfStream();
        }
        serverStillServes();
    }

    @Test
    void openingAnOpenChannelAgainClosesTheConnectionWith504() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.openChannel(1);
            c.sendMethod(1, 20, 10, new Args().shortStr("").bytes());
            assertThat(c.awaitConnectionClose()).isEqualTo(504);
        }
    }

    @Test
    void aContentBodyWithoutAHeaderClosesTheConnectionWith505() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.openChannel(1);
            c.sendFrame(RawAmqpClient.BODY, 1, "stray".getBytes(UTF_8));
            assertThat(c.awaitConnectionClose()).isEqualTo(505);
        }
        serverStillServes();
    }

    @Test
    void aMethodWhereContentWasExpectedClosesTheConnectionWith505() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.openChannel(1);
            c.sendMethod(1, 60, 40, basicPublish("", "q"));
            c.sendMethod(1, 50, 10, queueDeclare("q"));
            assertThat(c.awaitConnectionClose()).isEqualTo(505);
        }
    }

    @Test
    void aContentFrameOnChannelZeroClosesTheConnectionWith505() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.sendFrame(RawAmqpClient.BODY, 0, new byte[3]);
            assertThat(c.awaitConnectionClose()).isEqualTo(505);
        }
    }

    @Test
    void aFrameLargerThanFrameMaxClosesTheConnectionWith501() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.openChannel(1);
            c.sendFrame(RawAmqpClient.BODY, 1, new byte[FRAME_MAX]);
            assertThat(c.awaitConnectionClose()).isEqualTo(501);
            c.awaitEndOfStream();
        }
        serverStillServes();
    }

    @Test
    void aBadFrameEndClosesTheConnectionWith501() throws Exception {
        try (RawAmqpClient c = raw()) {
            byte[] payload = new Args().shortInt(20).shortInt(10).shortStr("").bytes();
            byte[] frame = new byte[7 + payload.length + 1];
            frame[0] = 1;
            frame[2] = 1;
            frame[6] = (byte) payload.length;
            System.arraycopy(payload, 0, frame, 7, payload.length);
            frame[frame.length - 1] = 0x00;
            c.sendRaw(frame);
            assertThat(c.awaitConnectionClose()).isEqualTo(501);
            c.awaitEndOfStream();
        }
    }

    @Test
    void anUnknownFrameTypeClosesTheConnectionWith501() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.sendFrame(9, 0, new byte[0]);
            assertThat(c.awaitConnectionClose()).isEqualTo(501);
        }
    }

    @Test
    void aHeartbeatOnANonZeroChannelClosesTheConnectionWith501() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.openChannel(1);
            c.sendFrame(RawAmqpClient.HEARTBEAT, 1, new byte[0]);
            assertThat(c.awaitConnectionClose()).isEqualTo(501);
        }
    }

    @Test
    void aMalformedMethodClosesTheConnectionWith502() throws Exception {
        try (RawAmqpClient c = raw()) {
            c.openChannel(1);
            c.sendMethod(1, 50, 10, new byte[] {0, 0, 50}); // queue name claims 50 bytes, none follow
            assertThat(c.awaitConnectionClose()).isIn(501, 502);
        }
        serverStillServes();
    }

    @Test
    void exceedingTheNegotiatedChannelMaxClosesTheConnectionWith530() throws Exception {
        try (RawAmqpClient c = RawAmqpClient.open(fixture.server.port(), 2, FRAME_MAX, 0)) {
            c.openChannel(1);
            c.openChannel(2);
            c.sendMethod(3, 20, 10, new Args().shortStr("").bytes());
            assertThat(c.awaitConnectionClose()).isEqualTo(530);
        }
        serverStillServes();
    }

    @Test
    void reusingAConsumerTagOnAChannelClosesTheConnectionWith530() throws Exception {
        Channel setup = fixture.connect().createChannel();
        setup.queueDeclare("q", false, false, false, null);
        try (RawAmqpClient c = raw()) {
            c.openChannel(1);
            byte[] consume = new Args().shortInt(0).shortStr("q").shortStr("tag").bits(false, true, false, false)
                    .emptyTable().bytes();
            c.sendMethod(1, 60, 20, consume);
            c.awaitMethod(60, 21);
            c.sendMethod(1, 60, 20, consume);
            assertThat(c.awaitConnectionClose()).isEqualTo(530);
        }
    }

    @Test
    void aMissingVirtualHostIsRefusedWith530() {
        ConnectionFactory factory = fixture.factory();
        factory.setVirtualHost("nowhere");
        AMQP.Connection.Close close = ClosedBy.connectionError(factory::newConnection);
        assertThat(close.getReplyCode()).isEqualTo(530);
        assertThat(close.getReplyText()).isEqualTo("NOT_ALLOWED - vhost 'nowhere' not found");
    }

    @Test
    void immediatePublishClosesTheConnectionWith540() throws Exception {
        Connection c = fixture.connect();
        Channel ch = c.createChannel();
        String q = ch.queueDeclare().getQueue();
        ch.basicPublish("", q, false, true, null, "now".getBytes(UTF_8));
        AMQP.Connection.Close close = ClosedBy.awaitConnectionClose(c);
        assertThat(close.getReplyCode()).isEqualTo(540);
        assertThat(close.getReplyText()).isEqualTo("NOT_IMPLEMENTED - immediate=true");
        assertThat(close.getClassId()).isEqualTo(60);
        assertThat(close.getMethodId()).isEqualTo(40);
    }

    @Test
    void aStoreFailureClosesTheConnectionWith541() throws Exception {
        try (ServerFixture broken = ServerFixture.start(BrokerConfig.builder("broken-" + System.nanoTime())
                .store(FailingStore::new).build())) {
            Connection c = broken.connect();
            Channel ch = c.createChannel();
            AMQP.Connection.Close close = ClosedBy.connectionError(() -> ch.queueDeclare("durable", true, false,
                    false, null));
            assertThat(close.getReplyCode()).isEqualTo(541);
            assertThat(close.getReplyText()).startsWith("INTERNAL_ERROR");
        }
    }

    /** A durable store whose writes all fail, as a full or broken disk would. */
    static final class FailingStore implements Store {
        @Override
        public long open(RecoveryHandler handler) {
            return 0;
        }

        @Override
        public CompletableFuture<Void> write(StoreBatch batch) {
            return CompletableFuture.failedFuture(new io.warren.broker.BrokerException(
                    io.warren.broker.ErrorCode.STORE_ERROR, "disk on fire"));
        }

        @Override
        public io.warren.message.Message read(long messageId) {
            throw new io.warren.broker.BrokerException(io.warren.broker.ErrorCode.STORE_ERROR, "disk on fire");
        }

        @Override
        public boolean isDurable() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
