package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.GetResponse;
import io.warren.server.ServerFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeAndQueueMethodsTest {
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

    private void publish(String exchange, String key, String body) throws Exception {
        ch.basicPublish(exchange, key, null, body.getBytes(UTF_8));
    }

    private String get(String queue) throws Exception {
        GetResponse r = ch.basicGet(queue, true);
        return r == null ? null : new String(r.getBody(), UTF_8);
    }

    // ---- exchanges ---------------------------------------------------------------------------------------

    @Test
    void passiveExchangeDeclareFindsAnExistingExchangeAndFailsWith404ForAMissingOne() throws Exception {
        ch.exchangeDeclare("ex", BuiltinExchangeType.TOPIC, true);
        assertThat(ch.exchangeDeclarePassive("ex")).isNotNull();
        assertThat(ch.exchangeDeclarePassive("amq.fanout")).isNotNull();

        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.exchangeDeclarePassive("nope"));
        assertThat(close.getReplyCode()).isEqualTo(404);
        assertThat(close.getReplyText()).startsWith("NOT_FOUND").contains("'nope'");
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void redeclaringAnExchangeWithTheSamePropertiesSucceedsAndWithOthersFailsWith406() throws Exception {
        ch.exchangeDeclare("ex", BuiltinExchangeType.DIRECT, true);
        ch.exchangeDeclare("ex", BuiltinExchangeType.DIRECT, true);

        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.exchangeDeclare("ex", BuiltinExchangeType.FANOUT,
                true));
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).startsWith("PRECONDITION_FAILED").contains("inequivalent");
    }

    @Test
    void autoDeleteExchangeDisappearsWhenItsLastBindingIsRemoved() throws Exception {
        ch.exchangeDeclare("auto", BuiltinExchangeType.DIRECT, false, true, null);
        String q = ch.queueDeclare().getQueue();
        ch.queueBind(q, "auto", "k");
        ch.queueUnbind(q, "auto", "k");

        assertThat(ClosedBy.channelError(() -> ch.exchangeDeclarePassive("auto")).getReplyCode()).isEqualTo(404);
    }

    @Test
    void internalExchangeRefusesPublishesButRoutesWhatAnotherExchangeForwards() throws Exception {
        ch.exchangeDeclare("inner", BuiltinExchangeType.FANOUT, false, false, true, null);
        ch.exchangeDeclare("outer", BuiltinExchangeType.FANOUT);
        ch.exchangeBind("inner", "outer", "");
        String q = ch.queueDeclare().getQueue();
        ch.queueBind(q, "inner", "");

        publish("outer", "", "via outer");
        assertThat(get(q)).isEqualTo("via outer");

        publish("inner", "", "direct");
        AMQP.Channel.Close close = ClosedBy.awaitChannelClose(ch);
        assertThat(close.getReplyCode()).isEqualTo(403);
        assertThat(close.getReplyText()).contains("internal");
    }

    @Test
    void alternateExchangeReceivesMessagesTheExchangeCannotRoute() throws Exception {
        ch.exchangeDeclare("ae", BuiltinExchangeType.FANOUT);
        String unrouted = ch.queueDeclare().getQueue();
        ch.queueBind(unrouted, "ae", "");
        ch.exchangeDeclare("main", BuiltinExchangeType.DIRECT, false, false, Map.of("alternate-exchange", "ae"));
        String routed = ch.queueDeclare().getQueue();
        ch.queueBind(routed, "main", "known");

        publish("main", "known", "a");
        publish("main", "unknown", "b");

        assertThat(get(routed)).isEqualTo("a");
        assertThat(get(unrouted)).isEqualTo("b");
        assertThat(get(routed)).isNull();
    }

    @Test
    void exchangeDeleteIfUnusedRefusesABoundExchangeWith406AndDeletesAnUnboundOne() throws Exception {
        ch.exchangeDeclare("bound", BuiltinExchangeType.DIRECT);
        String q = ch.queueDeclare().getQueue();
        ch.queueBind(q, "bound", "k");

        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.exchangeDelete("bound", true));
        assertThat(close.getReplyCode()).isEqualTo(406);

        Channel ch2 = connection.createChannel();
        ch2.queueUnbind(q, "bound", "k");
        ch2.exchangeDelete("bound", true);
        assertThat(ClosedBy.channelError(() -> ch2.exchangeDeclarePassive("bound")).getReplyCode()).isEqualTo(404);
    }

    @Test
    void deletingAMissingExchangeSucceedsAsInRabbitMq() throws Exception {
        ch.exchangeDelete("never-declared");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void exchangeToExchangeBindingRoutesUntilUnbound() throws Exception {
        ch.exchangeDeclare("src", BuiltinExchangeType.TOPIC);
        ch.exchangeDeclare("dst", BuiltinExchangeType.DIRECT);
        String q = ch.queueDeclare().getQueue();
        ch.queueBind(q, "dst", "a.b");
        ch.exchangeBind("dst", "src", "a.*");

        publish("src", "a.b", "bound");
        assertThat(get(q)).isEqualTo("bound");

        ch.exchangeUnbind("dst", "src", "a.*");
        publish("src", "a.b", "unbound");
        publish("dst", "a.b", "direct");
        assertThat(get(q)).isEqualTo("direct");
    }

    @Test
    void durableExchangeAndQueueCanBeDeclaredAndFound() throws Exception {
        ch.exchangeDeclare("durable-ex", BuiltinExchangeType.HEADERS, true, false, null);
        ch.queueDeclare("durable-q", true, false, false, null);
        ch.queueBind("durable-q", "durable-ex", "", Map.of("x-match", "any", "h", "v"));

        ch.basicPublish("durable-ex", "", new AMQP.BasicProperties.Builder().headers(Map.of("h", "v")).build(),
                "m".getBytes(UTF_8));
        assertThat(ch.queueDeclarePassive("durable-q").getMessageCount()).isEqualTo(1);
    }

    // ---- queues ------------------------------------------------------------------------------------------

    @Test
    void serverNamedQueueGetsAnAmqGenName() throws Exception {
        AMQP.Queue.DeclareOk ok = ch.queueDeclare();
        assertThat(ok.getQueue()).startsWith("amq.gen-");
        assertThat(ok.getMessageCount()).isZero();
        assertThat(ok.getConsumerCount()).isZero();
        assertThat(ch.queueDeclare().getQueue()).isNotEqualTo(ok.getQueue());
    }

    @Test
    void passiveQueueDeclareReportsMessageAndConsumerCountsAndFailsWith404ForAMissingQueue() throws Exception {
        ch.queueDeclare("q", false, false, false, null);
        publish("", "q", "1");
        publish("", "q", "2");
        Channel consumerChannel = connection.createChannel();
        consumerChannel.basicQos(1);
        consumerChannel.basicConsume("q", false, new DefaultConsumer(consumerChannel));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive("q");
            assertThat(ok.getConsumerCount()).isEqualTo(1);
            assertThat(ok.getMessageCount()).isEqualTo(1);
        });

        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.queueDeclarePassive("missing"));
        assertThat(close.getReplyCode()).isEqualTo(404);
        assertThat(close.getReplyText()).startsWith("NOT_FOUND").contains("queue 'missing'");
    }

    @Test
    void redeclaringAQueueWithOtherArgumentsFailsWith406() throws Exception {
        ch.queueDeclare("q", false, false, false, Map.of("x-max-length", 5));
        ch.queueDeclare("q", false, false, false, Map.of("x-max-length", 5));

        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.queueDeclare("q", true, false, false,
                Map.of("x-max-length", 5)));
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).contains("inequivalent");
    }

    @Test
    void exclusiveQueueIsLockedWith405ForOtherConnectionsAndGoesAwayWithItsOwner() throws Exception {
        String q = ch.queueDeclare("mine", false, true, false, null).getQueue();
        ch.queueDeclarePassive(q);

        Connection other = fixture.connect();
        Channel otherChannel = other.createChannel();
        AMQP.Channel.Close close = ClosedBy.channelError(() -> otherChannel.queueDeclarePassive(q));
        assertThat(close.getReplyCode()).isEqualTo(405);
        assertThat(close.getReplyText()).startsWith("RESOURCE_LOCKED").contains("'mine'");

        connection.close();
        Channel again = other.createChannel();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ClosedBy.channelError(() -> other.createChannel().queueDeclarePassive(q)).getReplyCode())
                        .isEqualTo(404));
        assertThat(again.isOpen()).isTrue();
    }

    @Test
    void autoDeleteQueueGoesAwayWhenItsLastConsumerIsCancelled() throws Exception {
        String q = ch.queueDeclare("auto-q", false, false, true, null).getQueue();
        String tag = ch.basicConsume(q, true, new DefaultConsumer(ch));
        ch.queueDeclarePassive(q);

        ch.basicCancel(tag);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ClosedBy.channelError(() -> connection.createChannel().queueDeclarePassive(q))
                        .getReplyCode()).isEqualTo(404));
    }

    @Test
    void messageTtlArgumentExpiresMessages() throws Exception {
        ch.queueDeclare("ttl", false, false, false, Map.of("x-message-ttl", 50));
        publish("", "ttl", "short-lived");

        await().atMost(Duration.ofSeconds(5)).until(() -> ch.queueDeclarePassive("ttl").getMessageCount() == 0);
        assertThat(get("ttl")).isNull();
    }

    @Test
    void maxLengthArgumentDropsTheOldestMessages() throws Exception {
        ch.queueDeclare("bounded", false, false, false, Map.of("x-max-length", 2));
        publish("", "bounded", "1");
        publish("", "bounded", "2");
        publish("", "bounded", "3");

        assertThat(ch.queueDeclarePassive("bounded").getMessageCount()).isEqualTo(2);
        assertThat(get("bounded")).isEqualTo("2");
        assertThat(get("bounded")).isEqualTo("3");
    }

    @Test
    void deadLetterExchangeArgumentReceivesRejectedMessagesWithAnXDeathHeader() throws Exception {
        ch.exchangeDeclare("dlx", BuiltinExchangeType.FANOUT);
        String dead = ch.queueDeclare().getQueue();
        ch.queueBind(dead, "dlx", "");
        ch.queueDeclare("work", false, false, false, Map.of("x-dead-letter-exchange", "dlx"));
        publish("", "work", "bad");

        GetResponse r = ch.basicGet("work", false);
        ch.basicReject(r.getEnvelope().getDeliveryTag(), false);

        await().atMost(Duration.ofSeconds(5)).until(() -> ch.queueDeclarePassive(dead).getMessageCount() == 1);
        GetResponse deadLettered = ch.basicGet(dead, true);
        assertThat(new String(deadLettered.getBody(), UTF_8)).isEqualTo("bad");
        Object xDeath = deadLettered.getProps().getHeaders().get("x-death");
        assertThat(xDeath).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> death = (Map<String, Object>) ((List<?>) xDeath).get(0);
        assertThat(death.get("reason").toString()).isEqualTo("rejected");
        assertThat(death.get("queue").toString()).isEqualTo("work");
    }

    @Test
    void maxPriorityArgumentDeliversHigherPrioritiesFirst() throws Exception {
        ch.queueDeclare("prio", false, false, false, Map.of("x-max-priority", 10));
        for (int p : new int[] {1, 9, 5}) {
            ch.basicPublish("", "prio", new AMQP.BasicProperties.Builder().priority(p).build(),
                    ("p" + p).getBytes(UTF_8));
        }
        assertThat(get("prio")).isEqualTo("p9");
        assertThat(get("prio")).isEqualTo("p5");
        assertThat(get("prio")).isEqualTo("p1");
    }

    @Test
    void queueBindRoutesMessagesUntilUnbound() throws Exception {
        ch.exchangeDeclare("ex", BuiltinExchangeType.DIRECT);
        String q = ch.queueDeclare().getQueue();
        ch.queueBind(q, "ex", "k");
        publish("ex", "k", "bound");
        ch.queueUnbind(q, "ex", "k");
        publish("ex", "k", "unbound");

        assertThat(get(q)).isEqualTo("bound");
        assertThat(get(q)).isNull();
    }

    @Test
    void bindingToAMissingExchangeFailsWith404() throws Exception {
        String q = ch.queueDeclare().getQueue();
        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.queueBind(q, "no-such-exchange", "k"));
        assertThat(close.getReplyCode()).isEqualTo(404);
        assertThat(close.getReplyText()).contains("no-such-exchange");
    }

    @Test
    void queuePurgeRemovesReadyMessagesAndReportsHowMany() throws Exception {
        String q = ch.queueDeclare().getQueue();
        for (int i = 0; i < 3; i++) {
            publish("", q, "m" + i);
        }
        assertThat(ch.queuePurge(q).getMessageCount()).isEqualTo(3);
        assertThat(ch.queueDeclarePassive(q).getMessageCount()).isZero();
    }

    @Test
    void queueDeleteReportsTheMessagesItDropped() throws Exception {
        ch.queueDeclare("doomed", false, false, false, null);
        publish("", "doomed", "1");
        publish("", "doomed", "2");

        assertThat(ch.queueDelete("doomed").getMessageCount()).isEqualTo(2);
        assertThat(ClosedBy.channelError(() -> ch.queueDeclarePassive("doomed")).getReplyCode()).isEqualTo(404);
    }

    @Test
    void queueDeleteIfUnusedRefusesAQueueWithConsumersWith406() throws Exception {
        ch.queueDeclare("used", false, false, false, null);
        Channel consumer = connection.createChannel();
        consumer.basicConsume("used", true, new DefaultConsumer(consumer));

        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.queueDelete("used", true, false));
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).contains("in use");
    }

    @Test
    void queueDeleteIfEmptyRefusesAQueueWithMessagesWith406() throws Exception {
        ch.queueDeclare("full", false, false, false, null);
        publish("", "full", "x");

        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.queueDelete("full", false, true));
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).contains("not empty");

        Channel ch2 = connection.createChannel();
        ch2.queuePurge("full");
        ch2.queueDelete("full", false, true);
    }

    @Test
    void emptyQueueNameStandsForTheLastQueueDeclaredOnTheChannel() throws Exception {
        String q = ch.queueDeclare().getQueue();
        publish("", q, "x");
        assertThat(ch.queuePurge("").getMessageCount()).isEqualTo(1);
    }
}
