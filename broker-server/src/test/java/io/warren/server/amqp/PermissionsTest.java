package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import io.warren.server.ServerFixture;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RabbitMQ-style configure / write / read permissions: user 'u' may only touch resources named {@code u-*}. */
class PermissionsTest {
    private ServerFixture fixture;
    private Channel admin;
    private Connection restricted;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start();
        fixture.users.addUser("u", "pw".toCharArray(), Set.of());
        fixture.users.setPermissions("u", "/", "^u-.*", "^u-.*", "^u-.*");
        admin = fixture.connect().createChannel();
        admin.queueDeclare("x", false, false, false, null);
        admin.basicPublish("", "x", null, "guest's".getBytes(UTF_8));
        restricted = fixture.track(as("u", "pw").newConnection());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ConnectionFactory as(String user, String password) {
        ConnectionFactory f = fixture.factory();
        f.setUsername(user);
        f.setPassword(password);
        return f;
    }

    private static void assertRefused(AMQP.Channel.Close close, String resource) {
        assertThat(close.getReplyCode()).isEqualTo(403);
        assertThat(close.getReplyText()).isEqualTo("ACCESS_REFUSED - access to " + resource
                + " in vhost '/' refused for user 'u'");
    }

    @Test
    void resourcesMatchingEveryPermissionCanBeUsed() throws Exception {
        Channel ch = restricted.createChannel();
        ch.exchangeDeclare("u-ex", BuiltinExchangeType.DIRECT);
        ch.queueDeclare("u-q", false, false, false, null);
        ch.queueBind("u-q", "u-ex", "k");
        ch.basicPublish("u-ex", "k", null, "mine".getBytes(UTF_8));
        assertThat(new String(ch.basicGet("u-q", true).getBody(), UTF_8)).isEqualTo("mine");
        ch.queueDelete("u-q");
    }

    @Test
    void declaringAQueueWithoutConfigurePermissionIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        assertRefused(ClosedBy.channelError(() -> ch.queueDeclare("x", false, false, false, null)), "queue 'x'");
    }

    @Test
    void declaringAnExchangeWithoutConfigurePermissionIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        assertRefused(ClosedBy.channelError(() -> ch.exchangeDeclare("ex", BuiltinExchangeType.FANOUT)),
                "exchange 'ex'");
    }

    @Test
    void deletingAQueueWithoutConfigurePermissionIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        assertRefused(ClosedBy.channelError(() -> ch.queueDelete("x")), "queue 'x'");
    }

    @Test
    void publishingWithoutWritePermissionOnTheExchangeIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        ch.basicPublish("amq.direct", "k", null, new byte[1]);
        assertRefused(ClosedBy.awaitChannelClose(ch), "exchange 'amq.direct'");
    }

    @Test
    void publishingToTheDefaultExchangeNeedsWritePermissionOnAmqDefault() throws Exception {
        Channel ch = restricted.createChannel();
        ch.basicPublish("", "u-q", null, new byte[1]);
        assertRefused(ClosedBy.awaitChannelClose(ch), "exchange 'amq.default'");
    }

    @Test
    void bindingWithoutReadPermissionOnTheExchangeIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        ch.queueDeclare("u-q", false, false, false, null);
        assertRefused(ClosedBy.channelError(() -> ch.queueBind("u-q", "amq.direct", "k")), "exchange 'amq.direct'");
    }

    @Test
    void bindingWithoutWritePermissionOnTheQueueIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        ch.exchangeDeclare("u-ex", BuiltinExchangeType.DIRECT);
        assertRefused(ClosedBy.channelError(() -> ch.queueBind("x", "u-ex", "k")), "queue 'x'");
    }

    @Test
    void gettingFromAQueueWithoutReadPermissionIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        assertRefused(ClosedBy.channelError(() -> ch.basicGet("x", true)), "queue 'x'");
        assertThat(admin.queueDeclarePassive("x").getMessageCount()).isEqualTo(1);
    }

    @Test
    void consumingFromAQueueWithoutReadPermissionIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        assertRefused(ClosedBy.channelError(() -> ch.basicConsume("x", new DefaultConsumer(ch))), "queue 'x'");
    }

    @Test
    void purgingAQueueWithoutReadPermissionIsRefused() throws Exception {
        Channel ch = restricted.createChannel();
        assertRefused(ClosedBy.channelError(() -> ch.queuePurge("x")), "queue 'x'");
    }

    @Test
    void deadLetterExchangeNeedsWritePermission() throws Exception {
        Channel ch = restricted.createChannel();
        assertRefused(ClosedBy.channelError(() -> ch.queueDeclare("u-q", false, false, false,
                Map.of("x-dead-letter-exchange", "amq.fanout"))), "exchange 'amq.fanout'");
    }

    @Test
    void aUserWithoutPermissionsOnTheVirtualHostCannotOpenIt() {
        fixture.users.addUser("nobody", "pw".toCharArray(), Set.of());
        AMQP.Connection.Close close = ClosedBy.connectionError(() -> as("nobody", "pw").newConnection());
        assertThat(close.getReplyCode()).isEqualTo(530);
        assertThat(close.getReplyText()).isEqualTo("NOT_ALLOWED - access to vhost '/' refused for user 'nobody'");
    }
}
