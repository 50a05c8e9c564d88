package io.warren.broker.exchange;

import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import io.warren.broker.EngineFixture;
import io.warren.broker.ErrorCode;
import io.warren.broker.PublishResult;
import io.warren.message.Message;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeRoutingTest {
    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = EngineFixture.start();
        for (String q : new String[] {"q1", "q2", "q3"}) {
            f.channel.queueDeclare(q, false, false, false, Map.of());
        }
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private PublishResult publish(String exchange, String key, Message m) {
        return f.channel.publish(exchange, key, m).join();
    }

    @Test
    void defaultExchangeRoutesByQueueName() {
        assertThat(publish("", "q2", text("a"))).isEqualTo(PublishResult.ROUTED);
        assertThat(publish("", "nope", text("b"))).isEqualTo(PublishResult.UNROUTED);
        assertThat(f.drain("q2")).containsExactly("a");
        assertThat(f.drain("q1")).isEmpty();
    }

    @Test
    void directExchangeRoutesOnExactKey() {
        f.channel.exchangeDeclare("d", ExchangeType.DIRECT, false, false, false, Map.of());
        f.channel.queueBind("q1", "d", "red", Map.of());
        f.channel.queueBind("q2", "d", "red", Map.of());
        f.channel.queueBind("q3", "d", "blue", Map.of());
        publish("d", "red", text("r"));
        publish("d", "blue", text("b"));
        publish("d", "green", text("g"));
        assertThat(f.drain("q1")).containsExactly("r");
        assertThat(f.drain("q2")).containsExactly("r");
        assertThat(f.drain("q3")).containsExactly("b");
    }

    @Test
    void fanoutExchangeIgnoresTheKey() {
        f.channel.exchangeDeclare("f", ExchangeType.FANOUT, false, false, false, Map.of());
        f.channel.queueBind("q1", "f", "", Map.of());
        f.channel.queueBind("q2", "f", "whatever", Map.of());
        publish("f", "any.key", text("x"));
        assertThat(f.drain("q1")).containsExactly("x");
        assertThat(f.drain("q2")).containsExactly("x");
    }

    @Test
    void topicExchangeMatchesWildcardsAndDeliversOncePerQueue() {
        f.channel.queueBind("q1", "amq.topic", "news.*", Map.of());
        f.channel.queueBind("q1", "amq.topic", "news.#", Map.of());
        f.channel.queueBind("q2", "amq.topic", "#.eu", Map.of());
        f.channel.queueBind("q3", "amq.topic", "#", Map.of());
        publish("amq.topic", "news.eu", text("1"));
        publish("amq.topic", "news.eu.fr", text("2"));
        publish("amq.topic", "sport", text("3"));
        assertThat(f.drain("q1")).containsExactly("1", "2");
        assertThat(f.drain("q2")).containsExactly("1");
        assertThat(f.drain("q3")).containsExactly("1", "2", "3");
    }

    @Test
    void headersExchangeMatchesTypedPropertiesAllAndAny() {
        f.channel.queueBind("q1", "amq.headers", "", Map.of("x-match", "all", "symbol", "ACME", "tier", 2));
        f.channel.queueBind("q2", "amq.headers", "", Map.of("x-match", "any", "symbol", "ACME", "tier", 2));
        publish("amq.headers", "", Message.builder().header("symbol", "ACME").header("tier", 2).build());
        publish("amq.headers", "", Message.builder().header("symbol", "ACME").header("tier", "2").build());
        publish("amq.headers", "", Message.builder().header("tier", 2L).body(new byte[] {1}).build());
        assertThat(f.channel.queueDeclarePassive("q1").messageCount()).isEqualTo(1);
        assertThat(f.channel.queueDeclarePassive("q2").messageCount()).isEqualTo(3);
    }

    @Test
    void bindingSelectorKeepsNonMatchingMessagesOutOfTheQueue() {
        f.channel.queueBind("q1", "amq.topic", "orders", Map.of(Binding.SELECTOR_ARGUMENT, "amount > 100"));
        publish("amq.topic", "orders", Message.builder().header("amount", 50).build());
        publish("amq.topic", "orders", Message.builder().header("amount", 500).build());
        assertThat(f.channel.queueDeclarePassive("q1").messageCount()).isEqualTo(1);
    }

    @Test
    void exchangeToExchangeBindingsRouteThroughAndCyclesEnd() {
        f.channel.exchangeDeclare("a", ExchangeType.TOPIC, false, false, false, Map.of());
        f.channel.exchangeDeclare("b", ExchangeType.FANOUT, false, false, false, Map.of());
        f.channel.exchangeBind("b", "a", "x.#", Map.of());
        f.channel.exchangeBind("a", "b", "", Map.of());
        f.channel.queueBind("q1", "b", "", Map.of());
        publish("a", "x.y", text("via"));
        publish("a", "other", text("not"));
        assertThat(f.drain("q1")).containsExactly("via");
    }

    @Test
    void aChainOfTenThousandExchangesRoutesWithoutOverflowingTheStack() {
        int length = 10_000;
        for (int i = 0; i < length; i++) {
            f.channel.exchangeDeclare("chain." + i, ExchangeType.FANOUT, false, false, false, Map.of());
            if (i > 0) {
                f.channel.exchangeBind("chain." + i, "chain." + (i - 1), "", Map.of());
            }
        }
        f.channel.exchangeBind("chain.0", "chain." + (length - 1), "", Map.of());
        f.channel.queueBind("q1", "chain." + (length - 1), "", Map.of());
        f.channel.queueBind("q2", "chain.0", "", Map.of());

        assertThat(publish("chain.0", "", text("through"))).isEqualTo(PublishResult.ROUTED);

        assertThat(f.drain("q1")).containsExactly("through");
        assertThat(f.drain("q2")).containsExactly("through");
    }

    @Test
    void unroutableMessagesGoToTheAlternateExchange() {
        f.channel.exchangeDeclare("lost", ExchangeType.FANOUT, false, false, false, Map.of());
        f.channel.queueBind("q3", "lost", "", Map.of());
        f.channel.exchangeDeclare("main", ExchangeType.DIRECT, false, false, false,
                Map.of(Exchange.ALTERNATE_EXCHANGE_ARGUMENT, "lost"));
        f.channel.queueBind("q1", "main", "known", Map.of());
        publish("main", "known", text("k"));
        publish("main", "unknown", text("u"));
        assertThat(f.drain("q1")).containsExactly("k");
        assertThat(f.drain("q3")).containsExactly("u");
    }

    @Test
    void internalExchangeRefusesDirectPublishes() {
        f.channel.exchangeDeclare("inner", ExchangeType.FANOUT, false, false, true, Map.of());
        assertThatThrownBy(() -> publish("inner", "", text("x")))
                .isInstanceOf(BrokerException.class).extracting("code").isEqualTo(ErrorCode.ACCESS_REFUSED);
    }

    @Test
    void unbindStopsRoutingAndUnknownBindingIsNotFound() {
        f.channel.queueBind("q1", "amq.direct", "k", Map.of());
        f.channel.queueUnbind("q1", "amq.direct", "k", Map.of());
        assertThat(publish("amq.direct", "k", text("x"))).isEqualTo(PublishResult.UNROUTED);
        assertThatThrownBy(() -> f.channel.queueUnbind("q1", "amq.direct", "k", Map.of()))
                .isInstanceOf(BrokerException.class).extracting("code").isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void autoDeleteExchangeGoesWithItsLastBinding() {
        f.channel.exchangeDeclare("temp", ExchangeType.FANOUT, false, true, false, Map.of());
        f.channel.queueBind("q1", "temp", "", Map.of());
        f.channel.queueUnbind("q1", "temp", "", Map.of());
        assertThat(f.host.hasExchange("temp")).isFalse();
    }

    @Test
    void deletingAQueueRemovesItsBindings() {
        f.channel.queueBind("q1", "amq.fanout", "", Map.of());
        f.channel.queueDelete("q1", false, false);
        assertThat(f.host.bindings("amq.fanout")).isEmpty();
    }

    @Test
    void topicRoutingScalesToManyBindings() {
        Map<String, Object> none = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            f.channel.queueBind("q1", "amq.topic", "stock." + i + ".*", none);
        }
        f.channel.queueBind("q2", "amq.topic", "stock.42.#", none);
        publish("amq.topic", "stock.42.nyse", text("t"));
        assertThat(f.drain("q1")).containsExactly("t");
        assertThat(f.drain("q2")).containsExactly("t");
    }
}
