package io.warren.server.amqp.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.warren.server.amqp.codec.AmqpCodecException;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.codec.WireValues;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MethodCodecTest {

    static List<AmqpMethod> samples() {
        return MethodSamples.all();
    }

    static byte[] encode(AmqpMethod m) {
        ByteBuf buf = Unpooled.buffer();
        MethodCodec.encode(m, buf);
        return ByteBufUtil.getBytes(buf);
    }

    static AmqpMethod decode(byte[] bytes) {
        return MethodCodec.decode(Unpooled.wrappedBuffer(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyMethodDecodesToWhatWasEncoded(AmqpMethod sample) {
        AmqpMethod decoded = decode(encode(sample));

        assertThat(WireValues.normalize(decoded)).isEqualTo(WireValues.normalize(sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodingStartsWithTheClassAndMethodIds(AmqpMethod sample) {
        ByteBuf buf = Unpooled.wrappedBuffer(encode(sample));

        assertThat(buf.readUnsignedShort()).isEqualTo(sample.classId());
        assertThat(buf.readUnsignedShort()).isEqualTo(sample.methodId());
    }

    @Test
    void samplesCoverEveryMethodRecord() {
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrder(AmqpMethod.class.getPermittedSubclasses());
        assertThat(sampled).hasSize(64);
    }

    @Test
    void everyMethodHasADistinctIdPairAndName() {
        Set<Integer> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (AmqpMethod m : samples()) {
            assertThat(keys.add(m.classId() << 16 | m.methodId())).as(m.name()).isTrue();
            assertThat(names.add(m.name())).as(m.name()).isTrue();
            assertThat(m.name()).matches("(connection|channel|exchange|queue|basic|tx|confirm)\\.[a-z-]+");
        }
    }

    @Test
    void idsFollowTheSpecificationIncludingItsQuirks() {
        assertThat(ids(ExchangeUnbindOk.INSTANCE)).containsExactly(40, 51);
        assertThat(ids(new ConfirmSelect(false))).containsExactly(85, 10);
        assertThat(ids(TxRollbackOk.INSTANCE)).containsExactly(90, 31);
        assertThat(ids(new BasicNack(1, false, false))).containsExactly(60, 120);
        assertThat(ids(new BasicRecoverAsync(false))).containsExactly(60, 100);
        assertThat(ids(ConnectionUpdateSecretOk.INSTANCE)).containsExactly(10, 71);
        assertThat(new BasicRecoverAsync(false).name()).isEqualTo("basic.recover-async");
    }

    private static List<Integer> ids(AmqpMethod m) {
        return List.of(m.classId(), m.methodId());
    }

    @Test
    void onlyPublishReturnDeliverAndGetOkCarryContent() {
        Set<String> withContent = samples().stream().filter(AmqpMethod::hasContent).map(AmqpMethod::name)
                .collect(Collectors.toSet());

        assertThat(withContent).containsExactlyInAnyOrder("basic.publish", "basic.return", "basic.deliver",
                "basic.get-ok");
    }

    @Test
    void consecutiveBitsShareOneOctetInFieldOrder() {
        byte[] bytes = encode(new QueueDeclare("q", true, false, true, false, true, Map.of()));

        // class, method, reserved short, shortstr "q", one octet of bits, empty table
        assertThat(bytes).containsExactly(0, 50, 0, 10, 0, 0, 1, 'q', 0b10101, 0, 0, 0, 0);
    }

    @Test
    void bitsSeparatedByOtherFieldsTakeSeparateOctets() {
        byte[] bytes = encode(new BasicDeliver("t", 1, true, "e", "r"));

        assertThat(bytes).containsExactly(0, 60, 0, 60, 1, 't', 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 'e', 1, 'r');
    }

    @Test
    void nullStringsAndTablesAreWrittenEmpty() {
        AmqpMethod decoded = decode(encode(new QueueDeclare(null, false, false, false, false, false, null)));

        assertThat(decoded).isEqualTo(new QueueDeclare("", false, false, false, false, false, Map.of()));
    }

    @Test
    void unknownMethodIsNotImplemented() {
        assertThatThrownBy(() -> decode(new byte[] {0, 60, 0, 99}))
                .isInstanceOfSatisfying(AmqpCodecException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.NOT_IMPLEMENTED))
                .hasMessage("unknown method class 60 method 99");
    }

    @Test
    void unknownClassIsNotImplemented() {
        assertThatThrownBy(() -> decode(new byte[] {0, 30, 0, 10}))
                .isInstanceOfSatisfying(AmqpCodecException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.NOT_IMPLEMENTED))
                .hasMessage("unknown method class 30 method 10");
    }

    @Test
    void trailingBytesAfterTheArgumentsAreASyntaxError() {
        byte[] ok = encode(new BasicAck(5, true));
        byte[] longer = Arrays.copyOf(ok, ok.length + 2);

        assertThatThrownBy(() -> decode(longer))
                .isInstanceOfSatisfying(AmqpCodecException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("basic.ack").hasMessageContaining("2 unexpected bytes");
    }

    @Test
    void truncatedArgumentsNameTheMethodAndField() {
        byte[] ok = encode(new BasicPublish("exchange", "key", false, false));
        byte[] cut = Arrays.copyOf(ok, ok.length - 2);

        assertThatThrownBy(() -> decode(cut))
                .isInstanceOfSatisfying(AmqpCodecException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("basic.publish field routing-key");
    }

    @Test
    void payloadShorterThanTheIdsIsASyntaxError() {
        assertThatThrownBy(() -> decode(new byte[] {0, 60, 0}))
                .isInstanceOfSatisfying(AmqpCodecException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.SYNTAX_ERROR));
    }

    @Test
    void invalidUtf8NamesTheMethodAndField() {
        byte[] bytes = {0, 60, 0, 40, 0, 0, 2, (byte) 0xC3, (byte) 0x28, 0, 0};

        assertThatThrownBy(() -> decode(bytes))
                .isInstanceOfSatisfying(AmqpCodecException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("basic.publish field exchange").hasMessageContaining("UTF-8");
    }

    @Test
    void malformedTableNamesTheMethodAndField() {
        byte[] ok = encode(new QueueDeclare("q", false, false, false, false, false, Map.of("a", 1)));
        ok[ok.length - 5] = 'Z'; // the value's type tag

        assertThatThrownBy(() -> decode(ok))
                .isInstanceOfSatisfying(AmqpCodecException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("queue.declare field arguments").hasMessageContaining("type tag");
    }

    @Test
    void shortstrOver255BytesFailsToEncodeAndLeavesTheBufferUntouched() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte(7);

        assertThatThrownBy(() -> MethodCodec.encode(new BasicPublish("e", "\u00e9".repeat(128), false, false), buf))
                .isInstanceOfSatisfying(AmqpCodecException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("basic.publish field routing-key").hasMessageContaining("256 bytes");
        assertThat(buf.writerIndex()).isEqualTo(1);
    }

    @Test
    void shortstrOfExactly255BytesIsAccepted() {
        String key = "k".repeat(255);

        assertThat(decode(encode(new BasicPublish("", key, false, false))))
                .isEqualTo(new BasicPublish("", key, false, false));
    }

    @Test
    void numbersOutsideTheirWireTypeFailToEncode() {
        assertThatThrownBy(() -> encode(new BasicQos(0, 65536, false)))
                .isInstanceOf(AmqpCodecException.class).hasMessageContaining("basic.qos field prefetch-count");
        assertThatThrownBy(() -> encode(new BasicQos(-1, 0, false)))
                .isInstanceOf(AmqpCodecException.class).hasMessageContaining("prefetch-size");
        assertThatThrownBy(() -> encode(new ConnectionTune(0, 0x1_0000_0000L, 0)))
                .isInstanceOf(AmqpCodecException.class).hasMessageContaining("frame-max");
    }

    @Test
    void unwritableTableValueFailsWithTheMethodFieldAndKey() {
        assertThatThrownBy(() -> encode(new QueueDeclare("q", false, false, false, false, false,
                Map.of("x-bad", new Object()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queue.declare field arguments").hasMessageContaining("x-bad")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void unsignedFieldsDecodeAboveTheSignedRange() {
        AmqpMethod decoded = decode(encode(new ConnectionTune(65535, 0xFFFF_FFFFL, 65535)));

        assertThat(decoded).isEqualTo(new ConnectionTune(65535, 0xFFFF_FFFFL, 65535));
    }

    @Test
    void secretsAreNotPrinted() {
        String text = new ConnectionStartOk(Map.of(), "PLAIN", "\0user\0hunter2".getBytes(), "en_US").toString();

        assertThat(text).doesNotContain("hunter2").contains("response=[13 bytes]");
    }

    @Test
    void recordsWithByteArraysCompareByContent() {
        assertThat(new ConnectionSecure(new byte[] {1, 2})).isEqualTo(new ConnectionSecure(new byte[] {1, 2}))
                .hasSameHashCodeAs(new ConnectionSecure(new byte[] {1, 2}))
                .isNotEqualTo(new ConnectionSecure(new byte[] {1, 3}));
    }
}
