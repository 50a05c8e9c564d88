package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import io.warren.server.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Channel exceptions close only the channel, with RabbitMQ's reply code and the failing method's ids. */
class ChannelErrorsTest {
    private ServerFixture fixture;
    private Connection connection;
    private Channel ch;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start();
        connection = fixture.connect();
        ch = connection.createChannel();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void connectionStillWorks() throws Exception {
        assertThat(connection.isOpen()).isTrue();
        Channel fresh = connection.createChannel();
        String q = fresh.queueDeclare().getQueue();
        fresh.basicPublish("", q, null, "ok".getBytes(UTF_8));
        assertThat(fresh.basicGet(q, true)).isNotNull();
    }

    @Test
    void declaringAnExchangeWithTheReservedAmqPrefixFailsWith403() throws Exception {
        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.exchangeDeclare("amq.foo",
                BuiltinExchangeType.DIRECT));
        assertThat(close.getReplyCode()).isEqualTo(403);
        assertThat(close.getReplyText()).startsWith("ACCESS_REFUSED").contains("amq.foo");
        assertThat(close.getClassId()).isEqualTo(40);
        assertThat(close.getMethodId()).isEqualTo(10);
        connectionStillWorks();
    }

    @Test
    void declaringAQueueWithTheReservedAmqPrefixFailsWith403() throws Exception {
        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.queueDeclare("amq.mine", false, false, false,
                null));
        assertThat(close.getReplyCode()).isEqualTo(403);
        assertThat(close.getClassId()).isEqualTo(50);
        assertThat(close.getMethodId()).isEqualTo(10);
    }

    @Test
    void deletingABuiltInExchangeFailsWith403() throws Exception {
        assertThat(ClosedBy.channelError(() -> ch.exchangeDelete("amq.direct")).getReplyCode()).isEqualTo(403);
    }

    @Test
    void getFromAMissingQueueFailsWith404() throws Exception {
        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.basicGet("missing", true));
        assertThat(close.getReplyCode()).isEqualTo(404);
        assertThat(close.getClassId()).isEqualTo(60);
        assertThat(close.getMethodId()).isEqualTo(70);
        connectionStillWorks();
    }

    @Test
    void consumeFromAMissingQueueFailsWith404() throws Exception {
        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.basicConsume("missing", new DefaultConsumer(ch)));
        assertThat(close.getReplyCode()).isEqualTo(404);
        assertThat(close.getReplyText()).contains("'missing'");
    }

    @Test
    void bindingAnExchangeToAMissingSourceFailsWith404() throws Exception {
        ch.exchangeDeclare("dst", BuiltinExchangeType.FANOUT);
        assertThat(ClosedBy.channelError(() -> ch.exchangeBind("dst", "missing-src", "")).getReplyCode())
                .isEqualTo(404);
    }

    @Test
    void purgingAMissingQueueFailsWith404() throws Exception {
        assertThat(ClosedBy.channelError(() -> ch.queuePurge("missing")).getReplyCode()).isEqualTo(404);
    }

    @Test
    void anotherConnectionsExclusiveQueueIsLockedWith405ForConsumeGetAndDelete() throws Exception {
        ch.queueDeclare("private", false, true, false, null);
        Connection other = fixture.connect();
        Channel c1 = other.createChannel();
        assertThat(ClosedBy.channelError(() -> c1.basicConsume("private", new DefaultConsumer(c1))).getReplyCode())
                .isEqualTo(405);
        Channel c2 = other.createChannel();
        assertThat(ClosedBy.channelError(() -> c2.basicGet("private", true)).getReplyCode()).isEqualTo(405);
        Channel c3 = other.createChannel();
        assertThat(ClosedBy.channelError(() -> c3.queueDelete("private")).getReplyCode()).isEqualTo(405);
        Channel c4 = other.createChannel();
        assertThat(ClosedBy.channelError(() -> c4.queueDeclare("private", false, true, false, null))
                .getReplyCode()).isEqualTo(405);
    }

    @Test
    void redeclaringAQueueWithAnotherAutoDeleteFlagFailsWith406() throws Exception {
        ch.queueDeclare("plain", false, false, false, null);
        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.queueDeclare("plain", false, false, true, null));
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).startsWith("PRECONDITION_FAILED").contains("inequivalent").contains("'plain'");
    }

    @Test
    void rejectingAnUnknownDeliveryTagFailsWith406() throws Exception {
        ch.basicReject(7, true);
        AMQP.Channel.Close close = ClosedBy.awaitChannelClose(ch);
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).contains("unknown delivery tag 7");
        assertThat(close.getClassId()).isEqualTo(60);
        assertThat(close.getMethodId()).isEqualTo(90);
        connectionStillWorks();
    }

    @Test
    void ackingTheSameDeliveryTwiceFailsWith406() throws Exception {
        String q = ch.queueDeclare().getQueue();
        ch.basicPublish("", q, null, "x".getBytes(UTF_8));
        long tag = ch.basicGet(q, false).getEnvelope().getDeliveryTag();
        ch.basicAck(tag, false);
        ch.basicAck(tag, false);
        assertThat(ClosedBy.awaitChannelClose(ch).getReplyCode()).isEqualTo(406);
    }

    @Test
    void anExpirationThatIsNotANumberFailsWith406() throws Exception {
        String q = ch.queueDeclare().getQueue();
        ch.basicPublish("", q, new AMQP.BasicProperties.Builder().expiration("soon").build(), new byte[1]);
        AMQP.Channel.Close close = ClosedBy.awaitChannelClose(ch);
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).contains("soon");
        assertThat(close.getClassId()).isEqualTo(60);
        assertThat(close.getMethodId()).isEqualTo(40);
    }

    @Test
    void aUserIdOtherThanTheAuthenticatedUserFailsWith406() throws Exception {
        String q = ch.queueDeclare().getQueue();
        ch.basicPublish("", q, new AMQP.BasicProperties.Builder().userId("guest").build(), new byte[1]);
        ch.basicPublish("", q, new AMQP.BasicProperties.Builder().userId("mallory").build(), new byte[1]);
        AMQP.Channel.Close close = ClosedBy.awaitChannelClose(ch);
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).isEqualTo("PRECONDITION_FAILED - user_id property set to 'mallory' but "
                + "authenticated user was 'guest'");
        assertThat(ch.getConnection().createChannel().queueDeclarePassive(q).getMessageCount()).isEqualTo(1);
    }

    @Test
    void aClosedChannelNumberCanBeOpenedAgain() throws Exception {
        int number = ch.getChannelNumber();
        ClosedBy.channelError(() -> ch.queueDeclarePassive("missing"));
        Channel again = connection.openChannel(number).orElseThrow();
        assertThat(again.queueDeclare().getQueue()).startsWith("amq.gen-");
    }
}
