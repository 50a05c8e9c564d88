package io.warren.server.amqp.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.Unpooled;
import io.warren.server.amqp.codec.AmqpCodecException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged method payloads either decode or fail with {@link AmqpCodecException}, never anything else. */
class MethodDecodeRobustnessTest {
    private static final int MUTATIONS = 1000;

    static List<AmqpMethod> samples() {
        return MethodSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyProperPrefixFailsWithACodecException(AmqpMethod sample) {
        byte[] whole = MethodCodecTest.encode(sample);
        for (int length = 0; length < whole.length; length++) {
            byte[] prefix = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> MethodCodec.decode(Unpooled.wrappedBuffer(prefix)))
                    .as("prefix of %d bytes", length)
                    .isInstanceOf(AmqpCodecException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void randomMutationsDecodeOrFailWithACodecException(AmqpMethod sample) {
        byte[] whole = MethodCodecTest.encode(sample);
        Random random = new Random(sample.name().hashCode());
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutated = mutate(whole, random);
            try {
                MethodCodec.decode(Unpooled.wrappedBuffer(mutated));
            } catch (AmqpCodecException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | Error e) {
                fail("mutation %d of %s: %s threw %s", i, sample.name(), Arrays.toString(mutated), e);
            }
        }
    }

    /** Flips, overwrites, inserts or deletes a few bytes; lengths are a favourite target. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0:
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    bytes[at] = (byte) random.nextInt(256);
                    break;
                case 2:
                    bytes[at] = (byte) (random.nextBoolean() ? 0xFF : 0x7F);
                    break;
                case 3:
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                    break;
                default:
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
            }
        }
        return bytes;
    }
}
