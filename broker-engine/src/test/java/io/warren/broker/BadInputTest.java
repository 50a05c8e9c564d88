package io.warren.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.queue.QueueArguments;
import io.warren.selector.SelectorSyntaxException;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {
    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = EngineFixture.start();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static AbstractThrowableAssert<?, ?> failsWith(ErrorCode code, Runnable r, String... fragments) {
        AbstractThrowableAssert<?, ?> a = assertThatThrownBy(r::run).isInstanceOf(BrokerException.class);
        a.extracting("code").isEqualTo(code);
        for (String s : fragments) {
            a.hasMessageContaining(s);
        }
        return a;
    }

    @Test
    void unknownExchangeAndQueueAreNotFoundAndNamed() {
        failsWith(ErrorCode.NOT_FOUND, () -> f.channel.publish("nope", "k", EngineFixture.text("x")), "'nope'");
        failsWith(ErrorCode.NOT_FOUND, () -> f.channel.queueDeclarePassive("ghost"), "'ghost'");
        failsWith(ErrorCode.NOT_FOUND, () -> f.channel.queueBind("ghost", "amq.direct", "k", Map.of()), "'ghost'");
        failsWith(ErrorCode.NOT_FOUND, () -> f.channel.get("ghost", true, null), "'ghost'");
        failsWith(ErrorCode.NOT_FOUND, () -> f.channel.exchangeDelete("nope", false), "'nope'");
    }

    @Test
    void reservedNamesAreRefused() {
        failsWith(ErrorCode.ACCESS_REFUSED,
                () -> f.channel.exchangeDeclare("amq.mine", ExchangeType.TOPIC, true, false, false, Map.of()), "amq.");
        failsWith(ErrorCode.ACCESS_REFUSED, () -> f.channel.queueDeclare("amq.q", true, false, false, Map.of()), "amq.");
        failsWith(ErrorCode.ACCESS_REFUSED, () -> f.channel.exchangeDelete("amq.topic", false));
        f.channel.queueDeclare("x", false, false, false, Map.of());
        failsWith(ErrorCode.ACCESS_REFUSED, () -> f.channel.queueBind("x", "", "k", Map.of()));
        assertThat(f.host.hasExchange("amq.mine")).isFalse();
    }

    @Test
    void redeclaringThePredeclaredExchangesIdenticallyIsAllowed() {
        f.channel.exchangeDeclare("amq.topic", ExchangeType.TOPIC, true, false, false, Map.of());
        failsWith(ErrorCode.PRECONDITION_FAILED,
                () -> f.channel.exchangeDeclare("amq.topic", ExchangeType.FANOUT, true, false, false, Map.of()));
    }

    @Test
    void redeclarationWithDifferentPropertiesFailsAndChangesNothing() {
        f.channel.exchangeDeclare("e", ExchangeType.DIRECT, true, false, false, Map.of());
        failsWith(ErrorCode.PRECONDITION_FAILED,
                () -> f.channel.exchangeDeclare("e", ExchangeType.TOPIC, true, false, false, Map.of()), "'e'");
        assertThat(f.host.exchangeType("e")).isEqualTo(ExchangeType.DIRECT);

        f.channel.queueDeclare("q", true, false, false, Map.of(QueueArguments.MESSAGE_TTL, 1000));
        failsWith(ErrorCode.PRECONDITION_FAILED,
                () -> f.channel.queueDeclare("q", true, false, false, Map.of(QueueArguments.MESSAGE_TTL, 2000)),
                "x-message-ttl");
        failsWith(ErrorCode.PRECONDITION_FAILED, () -> f.channel.queueDeclare("q", false, false, false,
                Map.of(QueueArguments.MESSAGE_TTL, 1000)), "'q'");
        assertThat(f.channel.queueDeclarePassive("q").arguments()).containsEntry(QueueArguments.MESSAGE_TTL, 1000);
        f.channel.queueDeclare("q", true, false, false, Map.of(QueueArguments.MESSAGE_TTL, 1000L));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x-message-ttl|-1|at least 0",
        "x-message-ttl|ten|expected an integer",
        "x-expires|0|at least 1",
        "x-max-length|-5|at least 0",
        "x-max-length-bytes|1.5|expected an integer",
        "x-overflow|drop-tail|invalid x-overflow",
        "x-max-priority|256|0..255",
        "x-delivery-limit|-2|at least 0",
        "x-dead-letter-exchange|7|expected a string",
    })
    void invalidQueueArgumentsAreRejectedByName(String key, String raw, String message) {
        Object value = parse(raw);
        failsWith(ErrorCode.INVALID_ARGUMENT,
                () -> f.channel.queueDeclare("bad", true, false, false, Map.of(key, value)), key, message);
        assertThat(f.host.hasQueue("bad")).isFalse();
    }

    private static Object parse(String raw) {
        if (raw.matches("-?\\d+")) {
            return Integer.parseInt(raw);
        }
        if (raw.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(raw);
        }
        return raw;
    }

    @Test
    void deadLetterRoutingKeyWithoutExchangeIsRejected() {
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.queueDeclare("bad", true, false, false,
                Map.of(QueueArguments.DEAD_LETTER_ROUTING_KEY, "k")), "x-dead-letter-exchange");
    }

    @Test
    void invalidNamesAreRejected() {
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.queueDeclare("a".repeat(300), true, false, false,
                Map.of()), "255");
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.queueDeclare("bad\nname", true, false, false,
                Map.of()), "control character");
        failsWith(ErrorCode.INVALID_ARGUMENT,
                () -> f.channel.exchangeDeclare("x", ExchangeType.fromName("sideways"), true, false, false, Map.of()),
                "sideways");
    }

    @Test
    void routingAndBindingKeysLongerThan255BytesAreRefusedNamingTheLimit() {
        f.channel.queueDeclare("q", false, false, false, Map.of());
        String words = "a" + ".a".repeat(9_999);
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.queueBind("q", "amq.topic", words, Map.of()),
                "binding key 'a.a.a", "19999 bytes long", "limited to 255 bytes");
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.exchangeBind("amq.fanout", "amq.topic", "#.#" + words,
                Map.of()), "binding key", "255 bytes");
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.publish("amq.topic", words, EngineFixture.text("x")),
                "routing key 'a.a.a", "255 bytes");
        // 255 bytes are fine, in any script: 85 three-byte characters
        String longest = "\u20ac".repeat(85);
        f.channel.queueBind("q", "amq.topic", longest, Map.of());
        f.channel.publish("amq.topic", longest, EngineFixture.text("euro")).join();
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.publish("amq.topic", longest + "e",
                EngineFixture.text("x")), "256 bytes long");
        assertThat(f.channel.queueDeclarePassive("q").messageCount()).isEqualTo(1);
    }

    @Test
    void aTransactedPublishWithAKeyThatIsTooLongFailsAtOnce() {
        f.channel.txSelect();
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.publish("amq.topic", "k".repeat(256),
                EngineFixture.text("x")), "256 bytes long");
    }

    @Test
    void invalidHeadersBindingLeavesNoBinding() {
        f.channel.queueDeclare("q", false, false, false, Map.of());
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> f.channel.queueBind("q", "amq.headers", "",
                Map.of("x-match", "most")), "most");
        assertThat(f.host.bindings("amq.headers")).isEmpty();
    }

    @Test
    void malformedSelectorsFailWithPositionAndConsumerIsNotRegistered() {
        f.channel.queueDeclare("q", false, false, false, Map.of());
        assertThatThrownBy(() -> f.channel.consume("q", ConsumeOptions.prefetch(1).withSelector("a = = 1"), d -> { }))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("position 4")
                .hasCauseInstanceOf(SelectorSyntaxException.class)
                .satisfies(e -> assertThat(((BrokerException) e).code()).isEqualTo(ErrorCode.SYNTAX_ERROR));
        assertThat(f.channel.queueDeclarePassive("q").consumerCount()).isZero();
        assertThatThrownBy(() -> f.channel.queueBind("q", "amq.topic", "k", Map.of("x-selector", "color = ")))
                .isInstanceOf(BrokerException.class)
                .hasCauseInstanceOf(SelectorSyntaxException.class);
        assertThat(f.host.bindings("amq.topic")).isEmpty();
    }

    @Test
    void negativePrefetchAndUnknownDeliveryTagsAreRejected() {
        failsWith(ErrorCode.INVALID_ARGUMENT, () -> ConsumeOptions.prefetch(-1), "prefetch");
        failsWith(ErrorCode.ILLEGAL_STATE, () -> f.channel.ack(42, false), "42");
    }

    @Test
    void deleteIfUnusedAndIfEmptyArePreconditions() {
        f.channel.queueDeclare("q", false, false, false, Map.of());
        f.send("q", "x");
        failsWith(ErrorCode.PRECONDITION_FAILED, () -> f.channel.queueDelete("q", false, true), "not empty");
        f.channel.consume("q", ConsumeOptions.prefetch(0), d -> { });
        failsWith(ErrorCode.PRECONDITION_FAILED, () -> f.channel.queueDelete("q", true, false), "in use");
        assertThat(f.host.hasQueue("q")).isTrue();
    }

    @Test
    void closedChannelRefusesWork() {
        Channel ch = f.connection.createChannel();
        ch.close();
        failsWith(ErrorCode.ILLEGAL_STATE, () -> ch.queueDeclare("q", false, false, false, Map.of()), "closed");
    }
}
