package io.warren.server.amqp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.AMQImpl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Date;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentHeaderCodecTest {

    static BasicProperties allFourteen() {
        return BasicProperties.builder().contentType("application/json").contentEncoding("gzip")
                .headers(WireValues.everyType()).deliveryMode(2).priority(9).correlationId("corr-1")
                .replyTo("amq.rabbitmq.reply-to").expiration("60000").messageId("msg-1")
                .timestamp(new Date(1_700_000_000_000L)).type("order.created").userId("guest").appId("warren-test")
                .clusterId("cluster-a").build();
    }

    static byte[] encode(ContentHeader header) {
        ByteBuf buf = Unpooled.buffer();
        ContentHeaderCodec.encode(header, buf);
        return ByteBufUtil.getBytes(buf);
    }

    static ContentHeader decode(byte[] bytes) {
        return ContentHeaderCodec.decode(Unpooled.wrappedBuffer(bytes));
    }

    @Test
    void allFourteenPropertiesReadBackEqual() {
        ContentHeader header = new ContentHeader(60, 1L << 40, allFourteen());

        assertThat(WireValues.normalize(decode(encode(header)))).isEqualTo(WireValues.normalize(header));
    }

    @Test
    void emptyPropertiesAreJustTheFixedFields() {
        byte[] bytes = encode(new ContentHeader(60, 5, BasicProperties.EMPTY));

        assertThat(bytes).containsExactly(0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0);
        assertThat(decode(bytes)).isEqualTo(new ContentHeader(60, 5, BasicProperties.EMPTY));
    }

    @Test
    void eachPropertyAloneSetsItsOwnFlagBit() {
        BasicProperties all = allFourteen();
        var components = BasicProperties.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object[] args = new Object[components.length];
            try {
                args[i] = components[i].getAccessor().invoke(all);
                BasicProperties one = BasicProperties.class
                        .getDeclaredConstructor(Arrays.stream(components).map(c -> c.getType())
                                .toArray(Class<?>[]::new)).newInstance(args);
                byte[] bytes = encode(new ContentHeader(60, 0, one));
                int flags = (bytes[12] & 0xFF) << 8 | bytes[13] & 0xFF;

                assertThat(flags).as(components[i].getName()).isEqualTo(1 << (15 - i));
                assertThat(WireValues.normalize(decode(bytes).properties())).isEqualTo(WireValues.normalize(one));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void rabbitReadsAllFourteenPropertiesWeWrite() throws IOException {
        BasicProperties ours = allFourteen();

        AMQP.BasicProperties theirs = (AMQP.BasicProperties) AMQImpl.readContentHeaderFrom(new DataInputStream(
                new ByteArrayInputStream(encode(new ContentHeader(60, 1234, ours)))));

        assertThat(theirs.getBodySize()).isEqualTo(1234);
        assertThat(theirs.getContentType()).isEqualTo(ours.contentType());
        assertThat(theirs.getContentEncoding()).isEqualTo(ours.contentEncoding());
        assertThat(WireValues.normalize(theirs.getHeaders())).isEqualTo(WireValues.normalize(ours.headers()));
        assertThat(theirs.getDeliveryMode()).isEqualTo(ours.deliveryMode());
        assertThat(theirs.getPriority()).isEqualTo(ours.priority());
        assertThat(theirs.getCorrelationId()).isEqualTo(ours.correlationId());
        assertThat(theirs.getReplyTo()).isEqualTo(ours.replyTo());
        assertThat(theirs.getExpiration()).isEqualTo(ours.expiration());
        assertThat(theirs.getMessageId()).isEqualTo(ours.messageId());
        assertThat(theirs.getTimestamp()).isEqualTo(ours.timestamp());
        assertThat(theirs.getType()).isEqualTo(ours.type());
        assertThat(theirs.getUserId()).isEqualTo(ours.userId());
        assertThat(theirs.getAppId()).isEqualTo(ours.appId());
        assertThat(theirs.getClusterId()).isEqualTo(ours.clusterId());
    }

    @Test
    void weReadAllFourteenPropertiesRabbitWrites() throws IOException {
        BasicProperties expected = allFourteen();
        AMQP.BasicProperties theirs = new AMQP.BasicProperties.Builder().contentType(expected.contentType())
                .contentEncoding(expected.contentEncoding()).headers(expected.headers())
                .deliveryMode(expected.deliveryMode()).priority(expected.priority())
                .correlationId(expected.correlationId()).replyTo(expected.replyTo())
                .expiration(expected.expiration()).messageId(expected.messageId()).timestamp(expected.timestamp())
                .type(expected.type()).userId(expected.userId()).appId(expected.appId())
                .clusterId(expected.clusterId()).build();

        ContentHeader decoded = decode(theirs.toFrame(1, 99).getPayload());

        assertThat(decoded.classId()).isEqualTo(60);
        assertThat(decoded.bodySize()).isEqualTo(99);
        assertThat(WireValues.normalize(decoded.properties())).isEqualTo(WireValues.normalize(expected));
    }

    @Test
    void rabbitsEmptyPropertiesDecodeAsEmpty() throws IOException {
        byte[] payload = new AMQP.BasicProperties.Builder().build().toFrame(1, 0).getPayload();

        assertThat(decode(payload)).isEqualTo(new ContentHeader(60, 0, BasicProperties.EMPTY));
    }

    @Test
    void continuationFlagWordsAreRead() {
        byte[] bytes = {0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0x80, 1, 0, 1, 0, 0, 3, 'a', '/', 'b'};

        ContentHeader header = decode(bytes);

        assertThat(header.properties().contentType()).isEqualTo("a/b");
    }

    @Test
    void continuationWordNamingAPropertyIsRefused() {
        byte[] bytes = {0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, (byte) 0x80, 0};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOfSatisfying(AmqpCodecException.class,
                e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.SYNTAX_ERROR));
    }

    @Test
    void flagBitOneIsRefused() {
        byte[] bytes = {0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(AmqpCodecException.class).hasMessageContaining("bit 1");
    }

    @Test
    void nonZeroWeightIsASyntaxError() {
        byte[] bytes = {0, 60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOfSatisfying(AmqpCodecException.class,
                e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.SYNTAX_ERROR)).hasMessageContaining("weight");
    }

    @Test
    void classOtherThanBasicIsNotImplemented() {
        byte[] bytes = {0, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOfSatisfying(AmqpCodecException.class,
                e -> assertThat(e.replyCode()).isEqualTo(ReplyCodes.NOT_IMPLEMENTED));
    }

    @Test
    void trailingBytesAreASyntaxError() {
        byte[] bytes = {0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 42};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(AmqpCodecException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void bodySizeAboveTheSignedRangeIsRefused() {
        byte[] bytes = {0, 60, 0, 0, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(AmqpCodecException.class)
                .hasMessageContaining("body size");
    }

    @Test
    void deliveryModeOutsideAnOctetFailsToEncodeAndLeavesTheBufferUntouched() {
        ByteBuf buf = Unpooled.buffer();
        BasicProperties props = BasicProperties.builder().contentType("t").deliveryMode(256).build();

        assertThatThrownBy(() -> ContentHeaderCodec.encode(60, 1, props, buf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delivery-mode");
        assertThat(buf.writerIndex()).isZero();
    }

    @Test
    void toBuilderCopiesEveryProperty() {
        BasicProperties all = allFourteen();

        assertThat(all.toBuilder().build()).isEqualTo(all);
    }

    @Test
    void everyPrefixAndRandomMutationDecodesOrFailsWithACodecException() {
        byte[] whole = encode(new ContentHeader(60, 10, allFourteen()));
        for (int length = 0; length < whole.length; length++) {
            byte[] prefix = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> decode(prefix)).isInstanceOf(AmqpCodecException.class);
        }
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            byte[] mutated = whole.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            mutated[random.nextInt(Math.min(40, mutated.length))] ^= (byte) (1 << random.nextInt(8));
            try {
                decode(mutated);
            } catch (AmqpCodecException expected) {
                // fine
            }
        }
    }
}
