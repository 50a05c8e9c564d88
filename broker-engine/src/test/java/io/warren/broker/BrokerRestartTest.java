package io.warren.broker;

import static io.warren.broker.RestartNode.body;
import static io.warren.broker.RestartNode.persistent;
import static io.warren.broker.RestartNode.transientMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.broker.exchange.Binding;
import io.warren.broker.exchange.ExchangeType;
import io.warren.message.Message;
import io.warren.broker.queue.QueueArguments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts a broker on its journal ({@link io.warren.broker.store.journal.SyncPolicy#ALWAYS}) and checks that
 * exactly the durable state comes back: durable exchanges, queues and bindings with their arguments, and every
 * persistent message not yet acknowledged, in order, with its delivery count, headers and times. Transient
 * entities, non-persistent and acknowledged messages, uncommitted transactions and messages that expired while
 * the broker was down do not come back.
 */
class BrokerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String AE = "alternate-exchange";

    @TempDir
    Path dir;

    @Test
    void amqpOnlyPropertiesAndDecimalAndTimestampHeadersSurviveARestart() {
        RestartNode n = RestartNode.start(dir);
        n.channel.queueDeclare("amqp", true, false, false, Map.of());
        n.send("amqp", persistent("body").contentEncoding("gzip").clusterId("c1")
                .header("price", new java.math.BigDecimal("10.25"))
                .header("at", new java.util.Date(1_700_000_000_000L))
                .header("nested", Map.of("d", new java.math.BigDecimal("-1"))));

        n = n.crashAndRestart();
        try {
            Message m = n.takeAll("amqp").get(0).message();
            assertThat(m.contentEncoding()).isEqualTo("gzip");
            assertThat(m.clusterId()).isEqualTo("c1");
            assertThat(m.header("price")).isEqualTo(new java.math.BigDecimal("10.25"));
            assertThat(m.header("at")).isEqualTo(new java.util.Date(1_700_000_000_000L));
            assertThat(m.header("nested")).isEqualTo(Map.of("d", new java.math.BigDecimal("-1")));
        } finally {
            n.close();
        }
    }

    // ---- exchanges ---------------------------------------------------------------------------------------

    @Test
    void durableExchangesOfEveryTypeComeBackWithTheirFlagsAndArguments() {
        Map<String, Object> topicArgs = Map.of("x-custom", 42L, "x-list", List.of("a", 1, true));
        Map<String, Object> withAe = Map.of(AE, "ex.fanout");
        RestartNode n = RestartNode.start(dir);
        n.channel.exchangeDeclare("ex.fanout", ExchangeType.FANOUT, true, false, false, Map.of());
        n.channel.exchangeDeclare("ex.direct", ExchangeType.DIRECT, true, false, false, withAe);
        n.channel.exchangeDeclare("ex.topic", ExchangeType.TOPIC, true, false, true, topicArgs);
        n.channel.exchangeDeclare("ex.headers", ExchangeType.HEADERS, true, true, false, withAe);
        n.channel.exchangeDeclare("ex.transient", ExchangeType.DIRECT, false, false, false, Map.of());
        n.channel.queueDeclare("ae.catch", true, false, false, Map.of());
        n.channel.queueBind("ae.catch", "ex.fanout", "", Map.of());

        n = n.crashAndRestart();
        try {
            assertThat(n.host.exchangeType("ex.fanout")).isEqualTo(ExchangeType.FANOUT);
            assertThat(n.host.exchangeType("ex.direct")).isEqualTo(ExchangeType.DIRECT);
            assertThat(n.host.exchangeType("ex.topic")).isEqualTo(ExchangeType.TOPIC);
            assertThat(n.host.exchangeType("ex.headers")).isEqualTo(ExchangeType.HEADERS);
            assertThat(n.host.hasExchange("ex.transient")).as("transient exchange").isFalse();
            // an equivalent declaration is accepted; it checks type, durable, auto-delete, internal and arguments
            n.channel.exchangeDeclare("ex.fanout", ExchangeType.FANOUT, true, false, false, Map.of());
            n.channel.exchangeDeclare("ex.direct", ExchangeType.DIRECT, true, false, false, withAe);
            n.channel.exchangeDeclare("ex.topic", ExchangeType.TOPIC, true, false, true, topicArgs);
            n.channel.exchangeDeclare("ex.headers", ExchangeType.HEADERS, true, true, false, withAe);
            RestartNode node = n;
            assertThatThrownBy(() -> node.channel.exchangeDeclare("ex.topic", ExchangeType.TOPIC, true, false, false,
                    topicArgs)).as("internal flag kept").isInstanceOf(BrokerException.class)
                    .extracting(e -> ((BrokerException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
            assertThatThrownBy(() -> node.channel.exchangeDeclare("ex.direct", ExchangeType.DIRECT, true, false,
                    false, Map.of())).as("arguments kept").isInstanceOf(BrokerException.class)
                    .extracting(e -> ((BrokerException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
            assertThatThrownBy(() -> node.channel.publish("ex.topic", "a", persistent("x").build()))
                    .as("still internal").isInstanceOf(BrokerException.class);

            // the alternate exchanges are linked again: unroutable messages reach ae.catch through ex.fanout
            n.publish("ex.direct", "nobody", persistent("via-direct"));
            n.publish("ex.headers", "", persistent("via-headers").header("k", "v"));
            assertThat(n.drain("ae.catch")).containsExactly("via-direct", "via-headers");
        } finally {
            n.close();
        }
    }

    // ---- queues ------------------------------------------------------------------------------------------

    @Test
    void durableQueuesComeBackWithTheirArgumentsAndTransientOnesDoNot() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(QueueArguments.MESSAGE_TTL, 60_000L);
        all.put(QueueArguments.MAX_LENGTH, 1000);
        all.put(QueueArguments.MAX_LENGTH_BYTES, 1_000_000L);
        all.put(QueueArguments.OVERFLOW, "reject-publish-dlx");
        all.put(QueueArguments.DEAD_LETTER_EXCHANGE, "dlx");
        all.put(QueueArguments.DEAD_LETTER_ROUTING_KEY, "dead");
        all.put(QueueArguments.MAX_PRIORITY, 9);
        all.put(QueueArguments.DELIVERY_LIMIT, 5L);
        all.put("x-unknown-kept", "as is");
        RestartNode n = RestartNode.start(dir);
        declareDeadLetterTarget(n);
        n.channel.queueDeclare("q.all", true, false, false, all);
        n.channel.queueDeclare("q.auto", true, false, true, Map.of());
        n.channel.queueDeclare("q.transient", false, false, false, Map.of());
        n.channel.queueDeclare("q.maxlen", true, false, false, Map.of(QueueArguments.MAX_LENGTH, 2L));
        n.channel.queueDeclare("q.ttl", true, false, false, Map.of(QueueArguments.MESSAGE_TTL, 50L,
                QueueArguments.DEAD_LETTER_EXCHANGE, "dlx"));
        n.channel.queueDeclare("q.limit", true, false, false, Map.of(QueueArguments.DELIVERY_LIMIT, 1L,
                QueueArguments.DEAD_LETTER_EXCHANGE, "dlx"));
        n.channel.queueDeclare("q.prio", true, false, false, Map.of(QueueArguments.MAX_PRIORITY, 9));

        n = n.crashAndRestart();
        try {
            assertThat(n.host.queueNames()).containsExactlyInAnyOrder("q.all", "q.auto", "q.maxlen", "q.ttl",
                    "q.limit", "q.prio", "dlq");
            QueueInfo info = n.channel.queueDeclarePassive("q.all");
            assertThat(info.durable()).isTrue();
            assertThat(info.autoDelete()).isFalse();
            assertThat(info.arguments()).isEqualTo(all);
            assertThat(n.channel.queueDeclarePassive("q.auto").autoDelete()).isTrue();
            n.channel.queueDeclare("q.all", true, false, false, all); // equivalent: accepted
            RestartNode node = n;
            assertThatThrownBy(() -> node.channel.queueDeclare("q.all", true, false, false, Map.of()))
                    .isInstanceOf(BrokerException.class)
                    .extracting(e -> ((BrokerException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);

            // and the arguments still act
            for (String s : List.of("m1", "m2", "m3")) {
                n.send("q.maxlen", persistent(s));
            }
            assertThat(n.drain("q.maxlen")).as("x-max-length 2, drop-head").containsExactly("m2", "m3");

            n.send("q.prio", persistent("low").priority(1));
            n.send("q.prio", persistent("high").priority(8));
            assertThat(n.drain("q.prio")).as("x-max-priority").containsExactly("high", "low");

            n.send("q.ttl", persistent("short-lived"));
            await().atMost(WAIT).until(() -> node.count("dlq") == 1);
            Delivery expired = n.channel.get("dlq", true, null);
            assertThat(body(expired)).isEqualTo("short-lived");
            assertThat(expired.message().header("x-first-death-reason")).isEqualTo("expired");

            n.send("q.limit", persistent("poison"));
            Delivery first = n.channel.get("q.limit", false, null);
            n.channel.nack(first.deliveryTag(), false, true);
            Delivery second = n.channel.get("q.limit", false, null);
            assertThat(second.deliveryCount()).isEqualTo(2);
            n.channel.nack(second.deliveryTag(), false, true);
            assertThat(n.channel.get("q.limit", false, null)).as("over x-delivery-limit").isNull();
            Delivery poison = n.channel.get("dlq", true, null);
            assertThat(body(poison)).isEqualTo("poison");
            assertThat(poison.message().header("x-first-death-reason")).isEqualTo("delivery_limit");
        } finally {
            n.close();
        }
    }

    // ---- bindings ----------------------------------------------------------------------------------------

    @Test
    void bindingsComeBackWithTheirArgumentsIncludingSelectorsAndExchangeToExchange() {
        RestartNode n = RestartNode.start(dir);
        Channel ch = n.channel;
        ch.exchangeDeclare("b.direct", ExchangeType.DIRECT, true, false, false, Map.of());
        ch.exchangeDeclare("b.topic", ExchangeType.TOPIC, true, false, false, Map.of());
        ch.exchangeDeclare("b.headers", ExchangeType.HEADERS, true, false, false, Map.of());
        ch.exchangeDeclare("b.fanout", ExchangeType.FANOUT, true, false, false, Map.of());
        ch.exchangeDeclare("b.inner", ExchangeType.TOPIC, true, false, true, Map.of());
        ch.exchangeDeclare("b.transient", ExchangeType.FANOUT, false, false, false, Map.of());
        for (String q : List.of("qd", "qt", "qh", "qsel", "qe2e")) {
            ch.queueDeclare(q, true, false, false, Map.of());
        }
        ch.queueDeclare("qtransient", false, false, false, Map.of());
        ch.queueBind("qd", "b.direct", "k1", Map.of());
        ch.queueBind("qtransient", "b.direct", "k1", Map.of());
        ch.queueBind("qt", "b.topic", "stock.*.nyse", Map.of());
        ch.queueBind("qsel", "b.topic", "stock.#", Map.of(Binding.SELECTOR_ARGUMENT, "price > 100"));
        ch.queueBind("qh", "b.headers", "", Map.of("x-match", "all", "color", "red", "size", 5));
        ch.exchangeBind("b.inner", "b.fanout", "", Map.of());
        ch.exchangeBind("b.transient", "b.fanout", "", Map.of());
        ch.queueBind("qe2e", "b.inner", "#.lse", Map.of());
        List<String> exchanges = List.of("b.direct", "b.topic", "b.headers", "b.fanout", "b.inner");
        Set<String> before = bindingsOf(n, exchanges);
        assertThat(before).hasSize(8);

        n = n.crashAndRestart();
        try {
            assertThat(bindingsOf(n, exchanges)).as("bindings of durable ends")
                    .isEqualTo(before.stream().filter(b -> !b.contains("transient")).collect(Collectors.toSet()))
                    .hasSize(6);

            n.publish("b.direct", "k1", persistent("direct"));
            n.publish("b.topic", "stock.ibm.nyse", persistent("ibm-150").header("price", 150));
            n.publish("b.topic", "stock.ibm.nyse", persistent("ibm-50").header("price", 50));
            n.publish("b.topic", "stock.bp.lse", persistent("bp-200").header("price", 200));
            n.publish("b.headers", "", persistent("red-5").header("color", "red").header("size", 5));
            assertThat(n.channel.publish("b.headers", "", persistent("red-6").header("color", "red")
                    .header("size", 6).build()).join()).isEqualTo(PublishResult.UNROUTED);
            n.publish("b.fanout", "order.lse", persistent("lse"));
            assertThat(n.channel.publish("b.fanout", "order.nyse", persistent("nyse").build()).join())
                    .isEqualTo(PublishResult.UNROUTED);

            assertThat(n.drain("qd")).containsExactly("direct");
            assertThat(n.drain("qt")).containsExactly("ibm-150", "ibm-50");
            assertThat(n.drain("qsel")).as("x-selector price > 100").containsExactly("ibm-150", "bp-200");
            assertThat(n.drain("qh")).containsExactly("red-5");
            assertThat(n.drain("qe2e")).containsExactly("lse");
        } finally {
            n.close();
        }
    }

    private static Set<String> bindingsOf(RestartNode n, List<String> exchanges) {
        return exchanges.stream().flatMap(e -> n.host.bindings(e).stream())
                .map(b -> b.source().name() + " -> " + (b.queue() != null ? "queue " : "exchange ")
                        + b.destinationName() + " [" + b.routingKey() + "] " + new TreeMap<>(b.arguments()))
                .collect(Collectors.toSet());
    }

    // ---- messages ----------------------------------------------------------------------------------------

    @Test
    void unacknowledgedPersistentMessagesComeBackInOrderWithDeliveryCountsHeadersAndTimes() {
        long now = System.currentTimeMillis();
        RestartNode n = RestartNode.start(dir);
        n.channel.queueDeclare("fifo", true, false, false, Map.of());
        n.channel.queueDeclare("prio", true, false, false, Map.of(QueueArguments.MAX_PRIORITY, 9));
        n.channel.queueDeclare("rich", true, false, false, Map.of());
        n.channel.exchangeDeclare("fan", ExchangeType.FANOUT, true, false, false, Map.of());
        n.channel.queueDeclare("fan.a", true, false, false, Map.of());
        n.channel.queueDeclare("fan.b", true, false, false, Map.of());
        n.channel.queueBind("fan.a", "fan", "", Map.of());
        n.channel.queueBind("fan.b", "fan", "", Map.of());

        // fifo: p1 acknowledged, p2 requeued twice, a transient one in the middle
        n.send("fifo", persistent("p1"));
        n.send("fifo", persistent("p2"));
        n.send("fifo", transientMessage("t1"));
        n.send("fifo", persistent("p3"));
        n.send("fifo", persistent("p4"));
        assertThat(body(n.channel.get("fifo", true, null))).isEqualTo("p1");
        for (int i = 1; i <= 2; i++) {
            Delivery d = n.channel.get("fifo", false, null);
            assertThat(body(d)).isEqualTo("p2");
            assertThat(d.deliveryCount()).isEqualTo(i);
            n.channel.nack(d.deliveryTag(), false, true);
        }

        // prio: persistent messages of several priorities and a transient one of the highest
        String[][] prios = {{"a", "1"}, {"b", "5"}, {"c", "1"}, {"d", "9"}, {"e", "5"}, {"f", "0"}};
        for (String[] p : prios) {
            n.send("prio", persistent(p[0]).priority(Integer.parseInt(p[1])));
        }
        n.send("prio", transientMessage("t9").priority(9));

        // rich: every property and header type, a binary body, absolute times
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner", List.of(1L, "two", 3.0));
        n.send("rich", Message.builder().persistent(true).priority(4).messageId("ID:rich-1")
                .correlationId("corr").replyTo("replies").type("order").contentType("application/octet-stream")
                .userId("alice").appId("restart-test").timestamp(now).expiration(now + 3_600_000)
                .header("s", "text").header("i", 42).header("l", 1L << 40).header("b", true)
                .header("d", 2.5).header("f", 1.5f).header("sh", (short) 7).header("by", (byte) -3)
                .header("c", 'x').header("bytes", new byte[] {1, 2, 3}).header("list", List.of("a", 2))
                .header("map", nested).body(binary));

        // fanout: one stored message in two queues, acknowledged in one
        n.publish("fan", "", persistent("shared"));
        assertThat(body(n.channel.get("fan.a", true, null))).isEqualTo("shared");

        List<Message> fifoBefore = n.channel.browse("fifo", null);
        List<Message> richBefore = n.channel.browse("rich", null);
        assertThat(fifoBefore).extracting(RestartNode::body).containsExactly("p2", "t1", "p3", "p4");

        n = n.crashAndRestart();
        try {
            assertThat(n.channel.browse("fifo", null)).as("same messages, transient one gone")
                    .containsExactlyElementsOf(fifoBefore.stream().filter(Message::persistent).toList());
            Delivery p2 = n.channel.get("fifo", false, null);
            assertThat(body(p2)).isEqualTo("p2");
            assertThat(p2.deliveryCount()).as("two deliveries before the restart").isEqualTo(3);
            assertThat(p2.redelivered()).isTrue();
            Delivery p3 = n.channel.get("fifo", false, null);
            assertThat(body(p3)).isEqualTo("p3");
            assertThat(p3.deliveryCount()).isEqualTo(1);
            assertThat(n.drain("fifo")).containsExactly("p4");

            assertThat(n.drain("prio")).as("priority order, then arrival order")
                    .containsExactly("d", "b", "e", "a", "c", "f");

            Delivery rich = n.channel.get("rich", true, null);
            assertThat(rich.message()).as("every field, header and body byte").isEqualTo(richBefore.get(0));
            assertThat(rich.message().expiration()).isEqualTo(now + 3_600_000);
            assertThat(rich.message().timestamp()).isEqualTo(now);
            assertThat(rich.message().header("bytes")).isEqualTo(new byte[] {1, 2, 3});
            assertThat(rich.message().header("i")).isEqualTo(42);
            assertThat(rich.message().header("sh")).isEqualTo((short) 7);

            assertThat(n.count("fan.a")).as("acknowledged there").isZero();
            assertThat(n.drain("fan.b")).containsExactly("shared");
        } finally {
            n.close();
        }
    }

    @Test
    void deliveredButUnacknowledgedMessagesComeBackAfterACrashAndAClean() {
        RestartNode n = RestartNode.start(dir);
        n.channel.queueDeclare("q", true, false, false, Map.of());
        for (int i = 1; i <= 6; i++) {
            n.send("q", persistent("m" + i));
        }
        // a pushing consumer holds m1..m3, a get holds m4 and acknowledges m5
        java.util.concurrent.BlockingQueue<Delivery> pushed = new java.util.concurrent.LinkedBlockingQueue<>();
        Channel consumer = n.connection.createChannel();
        consumer.consume("q", ConsumeOptions.prefetch(3), pushed::add);
        await().atMost(WAIT).until(() -> pushed.size() == 3);
        consumer.cancel(pushed.peek().consumerTag());
        Delivery m4 = n.channel.get("q", false, null);
        assertThat(body(m4)).isEqualTo("m4");
        Delivery m5 = n.channel.get("q", false, null);
        n.channel.ack(m5.deliveryTag(), false);

        n = n.crashAndRestart();
        try {
            assertThat(n.drain("q")).containsExactly("m1", "m2", "m3", "m4", "m6");
        } finally {
            n.close();
        }
    }

    // ---- expiry while down ---------------------------------------------------------------------------------

    @Test
    void aMessageThatExpiredWhileTheBrokerWasDownIsDropped() throws InterruptedException {
        RestartNode n = RestartNode.start(dir);
        n.channel.queueDeclare("e.drop", true, false, false, Map.of());
        long expiration = System.currentTimeMillis() + 150;
        n.send("e.drop", persistent("before"));
        n.send("e.drop", persistent("expiring").expiration(expiration));
        n.send("e.drop", persistent("after"));
        n.crash();
        awaitPast(expiration);
        for (int life = 1; life <= 2; life++) {
            n = RestartNode.start(dir);
            try {
                RestartNode node = n;
                await().atMost(WAIT).until(() -> node.count("e.drop") == 2);
                assertThat(n.channel.browse("e.drop", null)).extracting(RestartNode::body)
                        .containsExactly("before", "after");
            } finally {
                n.crash();
            }
        }
        n = RestartNode.start(dir);
        try {
            assertThat(n.drain("e.drop")).containsExactly("before", "after");
        } finally {
            n.close();
        }
    }

    /**
     * Only what the restarted broker does is checked here; that the move to the dead-letter queue is stored is
     * {@link #aMessageDeadLetteredAsTheBrokerRecoversGetsAFreshStoreId}, disabled for a bug.
     */
    @Test
    void aMessageThatExpiredWhileTheBrokerWasDownIsDeadLettered() throws InterruptedException {
        RestartNode n = RestartNode.start(dir);
        declareDeadLetterTarget(n);
        n.channel.queueDeclare("e.dlx", true, false, false, Map.of(QueueArguments.DEAD_LETTER_EXCHANGE, "dlx"));
        long expiration = System.currentTimeMillis() + 150;
        n.send("e.dlx", persistent("before"));
        n.send("e.dlx", persistent("expiring").expiration(expiration).header("h", "kept"));
        n.send("e.dlx", persistent("after"));
        n.crash();
        awaitPast(expiration);
        n = RestartNode.start(dir);
        try {
            RestartNode node = n;
            await().atMost(WAIT).until(() -> node.count("dlq") == 1);
            assertThat(n.drain("e.dlx")).containsExactly("before", "after");
            Delivery dead = n.channel.get("dlq", true, null);
            assertThat(body(dead)).isEqualTo("expiring");
            assertThat(dead.message().header("x-first-death-reason")).isEqualTo("expired");
            assertThat(dead.message().header("x-first-death-queue")).isEqualTo("e.dlx");
            assertThat(dead.message().header("h")).isEqualTo("kept");
            assertThat(dead.message().expiration()).as("a dead letter does not expire again").isZero();
        } finally {
            n.close();
        }
    }

    /** Waits until the wall clock is past {@code time}: a TTL passing while the broker is down (at most 150 ms). */
    private static void awaitPast(long time) throws InterruptedException {
        long wait = time + 1 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    @Test
    void aQueueTtlThatElapsedWhileTheBrokerWasDownHasExpiredAtRestart() throws InterruptedException {
        RestartNode n = RestartNode.start(dir);
        n.channel.queueDeclare("ttl", true, false, false, Map.of(QueueArguments.MESSAGE_TTL, 150L));
        n.send("ttl", persistent("stale"));
        long published = System.currentTimeMillis();
        n.crash();
        Thread.sleep(Math.max(0, published + 170 - System.currentTimeMillis())); // let x-message-ttl pass
        n = RestartNode.start(dir);
        try {
            assertThat(n.channel.get("ttl", true, null)).as("published more than x-message-ttl ago").isNull();
        } finally {
            n.close();
        }
    }

    @Test
    void aMessageDeadLetteredAsTheBrokerRecoversGetsAFreshStoreId() throws InterruptedException {
        RestartNode n = RestartNode.start(dir);
        declareDeadLetterTarget(n);
        n.channel.queueDeclare("keep", true, false, false, Map.of());
        n.channel.queueDeclare("e.dlx", true, false, false, Map.of(QueueArguments.DEAD_LETTER_EXCHANGE, "dlx"));
        n.send("keep", persistent("k0")); // store id 1
        long expiration = System.currentTimeMillis() + 100;
        n.send("e.dlx", persistent("expiring").expiration(expiration));
        n.crash();
        awaitPast(expiration);

        RestartGatedStore gated = new RestartGatedStore(dir, "e.dlx");
        Broker broker = Broker.start(BrokerConfig.builder("restart-gated").store(() -> gated).build());
        try {
            Channel ch = broker.defaultVirtualHost().connect("gated").createChannel();
            await().atMost(WAIT).until(() -> ch.queueDeclarePassive("dlq").messageCount() == 1);
            ch.publish("", "keep", persistent("flush").build()).join(); // after every write issued before it
            assertThat(ch.browse("keep", null)).extracting(RestartNode::body).containsExactly("k0", "flush");
        } finally {
            broker.close();
        }
        RestartStoreContents stored = RestartStoreContents.read(dir);
        assertThat(stored.bodies("keep")).as("messages of another queue").containsExactly("k0", "flush");
        assertThat(stored.bodies("e.dlx")).isEmpty();
        assertThat(stored.bodies("dlq")).containsExactly("expiring");
        assertThat(gated.wroteDuringOpen()).as("the expiry timer wrote while the store was opening").isFalse();
    }

    // ---- transactions ------------------------------------------------------------------------------------

    @Test
    void aCommittedTransactionIsRecoveredWholeAndUncommittedOnesLeaveNothing() {
        RestartNode n = RestartNode.start(dir);
        n.channel.queueDeclare("tx", true, false, false, Map.of());
        for (String s : List.of("m1", "m2", "m3", "m4")) {
            n.send("tx", persistent(s));
        }
        Channel committed = n.connection.createChannel();
        committed.txSelect();
        List<Delivery> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(committed.get("tx", false, null));
        }
        assertThat(got).extracting(RestartNode::body).containsExactly("m1", "m2", "m3");
        committed.ack(got.get(0).deliveryTag(), false);
        committed.ack(got.get(1).deliveryTag(), false);
        for (String s : List.of("n1", "n2", "n3", "n4")) {
            committed.publish("", "tx", persistent(s).build());
        }
        committed.publish("", "tx", transientMessage("n-transient").build());
        assertThat(committed.txCommit().join()).isEqualTo(PublishResult.ROUTED);

        // rolled back by closing the channel: its ack of m4 is undone, its publishes are discarded
        Channel closed = n.connection.createChannel();
        closed.txSelect();
        Delivery m4 = closed.get("tx", false, null);
        assertThat(body(m4)).isEqualTo("m4");
        closed.ack(m4.deliveryTag(), false);
        closed.publish("", "tx", persistent("u1").build());
        closed.publish("", "tx", persistent("u2").build());
        closed.close();

        // still open when the broker stops
        Channel pending = n.connection.createChannel();
        pending.txSelect();
        pending.publish("", "tx", persistent("w1").build());
        pending.publish("", "tx", persistent("w2").build());

        n = n.crashAndRestart();
        try {
            // m3 was held unacknowledged by the committed channel, m4 was returned by the closed one
            assertThat(n.drain("tx")).containsExactly("m3", "m4", "n1", "n2", "n3", "n4");
        } finally {
            n.close();
        }
    }

    // ---- delayed messages --------------------------------------------------------------------------------

    @Test
    void delayedMessagesSurviveARestartAndAreDeliveredAfterTheirTime() {
        RestartNode n = RestartNode.start(dir);
        n.channel.queueDeclare("delayed", true, false, false, Map.of());
        long due = System.currentTimeMillis() + 700;
        n.send("delayed", persistent("later").deliveryTime(due));
        n.send("delayed", persistent("now"));
        assertThat(n.count("delayed")).isEqualTo(2);

        n = n.crashAndRestart();
        try {
            assertThat(n.count("delayed")).as("both recovered, one of them delayed").isEqualTo(2);
            assertThat(body(n.channel.get("delayed", true, null))).isEqualTo("now");
            RestartNode node = n;
            List<Delivery> later = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                Delivery d = node.channel.get("delayed", true, null);
                if (d != null) {
                    assertThat(System.currentTimeMillis()).as("not before its delivery time").isGreaterThanOrEqualTo(due);
                    later.add(d);
                }
                return d != null;
            });
            assertThat(body(later.get(0))).isEqualTo("later");
            assertThat(later.get(0).message().deliveryTime()).isEqualTo(due);
        } finally {
            n.close();
        }
    }

    // ---- repeated restarts -------------------------------------------------------------------------------

    @Test
    void repeatedRestartsKeepTheStateStable() {
        RestartNode n = RestartNode.start(dir);
        declareDeadLetterTarget(n);
        n.channel.exchangeDeclare("r.topic", ExchangeType.TOPIC, true, false, false, Map.of(AE, "dlx"));
        n.channel.queueDeclare("r.q", true, false, false, Map.of(QueueArguments.MAX_PRIORITY, 3,
                QueueArguments.DEAD_LETTER_EXCHANGE, "dlx"));
        n.channel.queueBind("r.q", "r.topic", "r.#", Map.of(Binding.SELECTOR_ARGUMENT, "n <> 13"));
        for (int i = 0; i < 20; i++) {
            n.publish("r.topic", "r." + i, persistent("m" + i).priority(i % 4).header("n", i));
        }
        Delivery d = n.channel.get("r.q", false, null);
        n.channel.nack(d.deliveryTag(), false, true);
        String expected = describe(n);
        // m13 does not pass the binding's selector: it reached dlq through the alternate exchange
        assertThat(expected).contains("m19", "m0", "dlq {}\n  m13 p1");

        for (int restart = 1; restart <= 3; restart++) {
            n = restart % 2 == 0 ? n.restart() : n.crashAndRestart();
            assertThat(describe(n)).as("after restart %d", restart).isEqualTo(expected);
        }
        try {
            // new messages get store ids of their own: nothing recovered is overwritten
            n.publish("r.topic", "r.new", persistent("new").priority(0).header("n", 100));
            String withNew = describe(n);
            n = n.crashAndRestart();
            assertThat(describe(n)).isEqualTo(withNew).contains("new");
        } finally {
            n.close();
        }
    }

    private static String describe(RestartNode n) {
        StringBuilder sb = new StringBuilder();
        for (String q : n.host.queueNames()) {
            QueueInfo info = n.channel.queueDeclarePassive(q);
            sb.append(q).append(' ').append(new TreeMap<>(info.arguments())).append('\n');
            for (Message m : n.channel.browse(q, null)) {
                sb.append("  ").append(body(m)).append(" p").append(m.priority()).append(' ')
                        .append(new TreeMap<>(m.headers())).append('\n');
            }
        }
        for (String e : List.of("dlx", "r.topic")) {
            sb.append(e).append(' ').append(n.host.exchangeType(e)).append(' ')
                    .append(bindingsOf(n, List.of(e))).append('\n');
        }
        // delivery counts: take everything, note the counts, hand it back without counting a delivery
        List<Delivery> all = n.takeAll("r.q");
        sb.append(all.stream().map(x -> body(x) + "#" + x.deliveryCount()).toList());
        n.channel.release(all.stream().map(Delivery::deliveryTag).toList());
        return sb.toString();
    }

    // ---- exclusive use of the directory ------------------------------------------------------------------

    @Test
    void aSecondBrokerOnTheSameDataDirectoryFailsWithAClearError() {
        try (RestartNode first = RestartNode.start(dir)) {
            first.channel.queueDeclare("kept", true, false, false, Map.of());
            assertThatThrownBy(() -> Broker.start(RestartNode.config(dir)))
                    .isInstanceOf(BrokerException.class)
                    .satisfies(e -> assertThat(((BrokerException) e).code()).isEqualTo(ErrorCode.STORE_ERROR))
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use by another broker");
            // the first broker is unaffected
            first.send("kept", persistent("still works"));
        }
        try (RestartNode second = RestartNode.start(dir)) {
            assertThat(second.drain("kept")).containsExactly("still works");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** A durable fanout exchange {@code dlx} with a durable queue {@code dlq} behind it. */
    private static void declareDeadLetterTarget(RestartNode n) {
        n.channel.exchangeDeclare("dlx", ExchangeType.FANOUT, true, false, false, Map.of());
        n.channel.queueDeclare("dlq", true, false, false, Map.of());
        n.channel.queueBind("dlq", "dlx", "", Map.of());
    }
}
