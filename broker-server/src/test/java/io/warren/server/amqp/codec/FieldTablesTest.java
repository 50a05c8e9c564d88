package io.warren.server.amqp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldTablesTest {

    static byte[] write(Map<String, ?> table) {
        ByteBuf buf = Unpooled.buffer();
        FieldTables.writeTable(buf, table);
        return ByteBufUtil.getBytes(buf);
    }

    static Map<String, Object> read(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        Map<String, Object> table = FieldTables.readTable(buf);
        assertThat(buf.isReadable()).as("whole table consumed").isFalse();
        return table;
    }

    private static void assertCode(Throwable e, int code) {
        assertThat(e).isInstanceOf(AmqpCodecException.class);
        assertThat(((AmqpCodecException) e).replyCode()).isEqualTo(code);
    }

    @Test
    void tableWithEveryTypeReadsBackEqualAndInOrder() {
        Map<String, Object> table = WireValues.everyType();

        Map<String, Object> decoded = read(write(table));

        assertThat(WireValues.normalize(decoded)).isEqualTo(WireValues.normalize(table));
        assertThat(decoded).isInstanceOf(LinkedHashMap.class);
        assertThat(decoded.keySet()).containsExactlyElementsOf(table.keySet());
    }

    @Test
    void decodedValuesHaveTheDocumentedJavaTypes() {
        Map<String, Object> decoded = read(write(WireValues.everyType()));

        assertThat(decoded.get("string")).isInstanceOf(String.class);
        assertThat(decoded.get("byte")).isInstanceOf(Byte.class);
        assertThat(decoded.get("short")).isInstanceOf(Short.class);
        assertThat(decoded.get("int")).isInstanceOf(Integer.class);
        assertThat(decoded.get("long")).isInstanceOf(Long.class);
        assertThat(decoded.get("float")).isInstanceOf(Float.class);
        assertThat(decoded.get("double")).isInstanceOf(Double.class);
        assertThat(decoded.get("decimal")).isEqualTo(new BigDecimal("-12345.678"));
        assertThat(decoded.get("timestamp")).isEqualTo(new Date(1_700_000_000_000L));
        assertThat(decoded.get("bytes")).isInstanceOf(byte[].class);
        assertThat(decoded.get("array")).isInstanceOf(List.class);
        assertThat(decoded.get("table")).isInstanceOf(LinkedHashMap.class);
        assertThat(decoded).containsEntry("void", null);
    }

    @Test
    void unsignedTagsDecodeToTheWiderType() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte('B').writeByte(0xFF);
        buf.writeByte('u').writeShort(0xFFFF);
        buf.writeByte('i').writeInt(0xFFFF_FFFF);

        assertThat(FieldTables.readValue(buf)).isEqualTo((short) 255);
        assertThat(FieldTables.readValue(buf)).isEqualTo(65535);
        assertThat(FieldTables.readValue(buf)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void charactersAndObjectArraysAreWrittenAsStringsAndArrays() {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("char", 'x');
        table.put("objects", new Object[] {1, "two", null});

        Map<String, Object> decoded = read(write(table));

        assertThat(decoded.get("char")).isEqualTo("x");
        assertThat(decoded.get("objects")).isEqualTo(Arrays.asList(1, "two", null));
    }

    @Test
    void timestampsAreWholeSecondsOnTheWire() {
        ByteBuf buf = Unpooled.buffer();
        FieldTables.writeValue(buf, new Date(1_500L));

        assertThat(buf.readByte()).isEqualTo((byte) 'T');
        assertThat(buf.readLong()).isEqualTo(1L);
    }

    @Test
    void nullTableIsWrittenEmpty() {
        assertThat(write(null)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void repeatedKeyKeepsItsFirstValue() {
        byte[] bytes = {0, 0, 0, 0, 1, 'k', 't', 1, 1, 'k', 't', 0, 1, 'j', 'V'};
        bytes[3] = (byte) (bytes.length - 4);

        Map<String, Object> table = read(bytes);

        assertThat(table.keySet()).containsExactly("k", "j");
        assertThat(table).containsEntry("k", true).containsEntry("j", null);
    }

    @Test
    void tableBodyWithoutPrefixIsReadForAmqplain() {
        byte[] withPrefix = write(Map.of("LOGIN", "guest"));
        ByteBuf body = Unpooled.wrappedBuffer(withPrefix, 4, withPrefix.length - 4);

        assertThat(FieldTables.readTableBody(body, body.readableBytes())).containsExactly(Map.entry("LOGIN", "guest"));
    }

    @Test
    void arrayIsReadWithItsLengthPrefix() {
        ByteBuf buf = Unpooled.buffer();
        FieldTables.writeValue(buf, List.of(1, "a"));
        buf.skipBytes(1);

        assertThat(FieldTables.readArray(buf)).containsExactly(1, "a");
    }

    @Test
    void unknownTypeTagIsASyntaxError() {
        byte[] bytes = {0, 0, 0, 3, 1, 'k', 'Z'};

        assertThatThrownBy(() -> read(bytes)).satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("'k'").hasMessageContaining("unknown type tag 0x5a");
    }

    @Test
    void lengthPastTheBufferIsASyntaxError() {
        byte[] bytes = {0, 0, 0, 100, 1, 'k', 'V'};

        assertThatThrownBy(() -> read(bytes)).satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("length 100");
    }

    @Test
    void hostileLengthsNeverAllocate() {
        byte[] bytes = {0, 0, 0, 6, 1, 'k', 'x', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        byte[] array = {0, 0, 0, 6, 1, 'k', 'A', (byte) 0x7F, (byte) 0xFF, (byte) 0xFF};

        assertThatThrownBy(() -> read(bytes)).satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR));
        assertThatThrownBy(() -> read(array)).satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR));
        assertThatThrownBy(() -> read(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}))
                .satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR));
    }

    @Test
    void valueRunningPastItsTableIsASyntaxError() {
        // The table claims 4 bytes but its one entry needs 7; the int must not be read from outside the table.
        byte[] bytes = {0, 0, 0, 4, 1, 'k', 'I', 0, 0, 0, 1};

        assertThatThrownBy(() -> FieldTables.readTable(Unpooled.wrappedBuffer(bytes)))
                .satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR));
    }

    @Test
    void nestingOfAHundredTablesIsReadButAHundredAndOneIsRefused() {
        assertThat(read(nested(100))).isNotEmpty();
        assertThatThrownBy(() -> read(nested(101))).satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("deeper than 100");
    }

    @Test
    void deeplyNestedArraysAreRefused() {
        ByteBuf buf = Unpooled.buffer();
        int depth = 5000;
        for (int i = 0; i < depth; i++) {
            buf.writeByte('A').writeInt(5 * (depth - i - 1) + 1);
        }
        buf.writeByte('V');

        assertThatThrownBy(() -> FieldTables.readValue(buf)).satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR));
    }

    @Test
    void writingMoreThanAHundredLevelsIsRefused() {
        Map<String, Object> table = new LinkedHashMap<>();
        Map<String, Object> inner = table;
        for (int i = 0; i < 100; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            inner.put("n", next);
            inner = next;
        }

        assertThatThrownBy(() -> write(table)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] nested(int depth) {
        Map<String, Object> table = new LinkedHashMap<>();
        Map<String, Object> inner = table;
        for (int i = 1; i < depth; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            inner.put("n", next);
            inner = next;
        }
        inner.put("leaf", 1);
        // Written by hand past the writer's own limit.
        return writeUnchecked(table);
    }

    private static byte[] writeUnchecked(Map<String, Object> table) {
        ByteBuf buf = Unpooled.buffer();
        writeUnchecked(buf, table);
        return ByteBufUtil.getBytes(buf);
    }

    @SuppressWarnings("unchecked")
    private static void writeUnchecked(ByteBuf buf, Map<String, Object> table) {
        int at = buf.writerIndex();
        buf.writeInt(0);
        for (Map.Entry<String, Object> e : table.entrySet()) {
            buf.writeByte(e.getKey().length()).writeBytes(e.getKey().getBytes());
            if (e.getValue() instanceof Map) {
                buf.writeByte('F');
                writeUnchecked(buf, (Map<String, Object>) e.getValue());
            } else {
                buf.writeByte('I').writeInt((Integer) e.getValue());
            }
        }
        buf.setInt(at, buf.writerIndex() - at - 4);
    }

    @Test
    void invalidUtf8InAStringValueIsASyntaxError() {
        byte[] bytes = {0, 0, 0, 9, 1, 'k', 'S', 0, 0, 0, 2, (byte) 0xED, (byte) 0xA0};

        assertThatThrownBy(() -> read(bytes)).satisfies(e -> assertCode(e, ReplyCodes.SYNTAX_ERROR))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void unsupportedValueTypeNamesTheKeyAndType() {
        assertThatThrownBy(() -> write(Map.of("x-when", new StringBuilder("now"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-when").hasMessageContaining("java.lang.StringBuilder");
    }

    @Test
    void decimalsOutsideTheWireRangeAreRefused() {
        assertThatThrownBy(() -> write(Map.of("d", new BigDecimal(BigInteger.ONE.shiftLeft(31), 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'d'")
                .hasMessageContaining("32-bit");
        assertThatThrownBy(() -> write(Map.of("d", new BigDecimal("1E+3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale -3");
        assertThatThrownBy(() -> write(Map.of("d", new BigDecimal(BigInteger.ONE, 256))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale 256");
        assertThat(read(write(Map.of("d", new BigDecimal(BigInteger.valueOf(Integer.MIN_VALUE), 255)))))
                .containsEntry("d", new BigDecimal(BigInteger.valueOf(Integer.MIN_VALUE), 255));
    }

    @Test
    void keyLongerThan255BytesIsRefused() {
        assertThatThrownBy(() -> write(Map.of("k".repeat(256), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bytes");
    }

    @Test
    void everyPrefixAndRandomMutationDecodesOrFailsWithACodecException() {
        byte[] whole = write(WireValues.everyType());
        for (int length = 0; length < whole.length; length++) {
            byte[] prefix = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> FieldTables.readTable(Unpooled.wrappedBuffer(prefix)))
                    .isInstanceOf(AmqpCodecException.class);
        }
        Random random = new Random(7);
        List<Throwable> unexpected = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            byte[] mutated = whole.clone();
            for (int e = 0; e < 3; e++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                FieldTables.readTable(Unpooled.wrappedBuffer(mutated));
            } catch (AmqpCodecException expected) {
                // fine
            } catch (RuntimeException | Error e) {
                unexpected.add(e);
            }
        }
        if (!unexpected.isEmpty()) {
            fail("unexpected exceptions: " + unexpected);
        }
    }
}
