package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.warren.broker.BrokerConfig;
import io.warren.server.ServerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionsTest {
    @TempDir
    Path dataDir;

    private ServerFixture fixture;
    private Connection connection;
    private Channel tx;
    private Channel observer;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start(BrokerConfig.builder("tx-" + System.nanoTime()).dataDirectory(dataDir).build());
        connection = fixture.connect();
        tx = connection.createChannel();
        observer = connection.createChannel();
        observer.queueDeclare("q", true, false, false, null);
        tx.txSelect();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private int depth() throws Exception {
        return observer.queueDeclarePassive("q").getMessageCount();
    }

    @Test
    void publishedMessagesStayInvisibleUntilCommit() throws Exception {
        tx.basicPublish("", "q", MessageProperties.PERSISTENT_TEXT_PLAIN, "1".getBytes(UTF_8));
        tx.basicPublish("", "q", null, "2".getBytes(UTF_8));
        assertThat(depth()).isZero();

        tx.txCommit();

        assertThat(depth()).isEqualTo(2);
        assertThat(new String(observer.basicGet("q", true).getBody(), UTF_8)).isEqualTo("1");
    }

    @Test
    void anUnroutableMandatoryPublishInATransactionIsReturned() throws Exception {
        java.util.concurrent.CompletableFuture<String> returned = new java.util.concurrent.CompletableFuture<>();
        tx.addReturnListener(r -> returned.complete(r.getReplyCode() + " " + r.getRoutingKey() + " "
                + new String(r.getBody(), UTF_8)));
        tx.basicPublish("", "no-such-queue", true, null, "lost".getBytes(UTF_8));
        tx.basicPublish("", "q", true, null, "kept".getBytes(UTF_8));
        tx.txCommit();

        assertThat(returned.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("312 no-such-queue lost");
        assertThat(depth()).isEqualTo(1);
    }

    @Test
    void rollbackDiscardsPublishedMessages() throws Exception {
        tx.basicPublish("", "q", null, "discarded".getBytes(UTF_8));
        tx.txRollback();
        tx.basicPublish("", "q", null, "kept".getBytes(UTF_8));
        tx.txCommit();

        assertThat(depth()).isEqualTo(1);
        assertThat(new String(observer.basicGet("q", true).getBody(), UTF_8)).isEqualTo("kept");
    }

    @Test
    void acksTakeEffectAtCommitAndRollbackUndoesThem() throws Exception {
        observer.basicPublish("", "q", null, "a".getBytes(UTF_8));
        observer.basicPublish("", "q", null, "b".getBytes(UTF_8));
        GetResponse a = tx.basicGet("q", false);
        GetResponse b = tx.basicGet("q", false);

        tx.basicAck(a.getEnvelope().getDeliveryTag(), false);
        tx.txRollback();
        tx.basicAck(b.getEnvelope().getDeliveryTag(), false);
        tx.txCommit();
        tx.close();

        // b's ack was committed; a's was rolled back, so a is still unacknowledged and is requeued on close
        assertThat(depth()).isEqualTo(1);
        GetResponse left = observer.basicGet("q", true);
        assertThat(new String(left.getBody(), UTF_8)).isEqualTo("a");
        assertThat(left.getEnvelope().isRedeliver()).isTrue();
    }

    @Test
    void commitWithoutTxSelectFailsWith406() throws Exception {
        AMQP.Channel.Close close = ClosedBy.channelError(observer::txCommit);
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).contains("tx.select");
    }

    @Test
    void rollbackWithoutTxSelectFailsWith406() throws Exception {
        assertThat(ClosedBy.channelError(observer::txRollback).getReplyCode()).isEqualTo(406);
    }

    @Test
    void closingAChannelWithAnOpenTransactionDiscardsItsPublishes() throws Exception {
        tx.basicPublish("", "q", null, "never".getBytes(UTF_8));
        tx.close();
        assertThat(depth()).isZero();
    }
}
