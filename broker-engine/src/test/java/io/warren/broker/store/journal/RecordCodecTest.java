package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.exchange.ExchangeType;
import io.warren.message.ByteReader;
import io.warren.message.ByteWriter;
import io.warren.message.CorruptDataException;
import io.warren.message.MessageCodec;
import io.warren.message.Message;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.StoreOperation;
import io.warren.broker.store.StoreOperation.BindingCreated;
import io.warren.broker.store.StoreOperation.BindingDeleted;
import io.warren.broker.store.StoreOperation.DeliveryCountUpdated;
import io.warren.broker.store.StoreOperation.ExchangeCreated;
import io.warren.broker.store.StoreOperation.ExchangeDeleted;
import io.warren.broker.store.StoreOperation.MessageDequeued;
import io.warren.broker.store.StoreOperation.MessageEnqueued;
import io.warren.broker.store.StoreOperation.MessageStored;
import io.warren.broker.store.StoreOperation.QueueCreated;
import io.warren.broker.store.StoreOperation.QueueDeleted;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private static List<StoreOperation> everyOperation() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("bool", true);
        args.put("byte", (byte) -3);
        args.put("short", (short) 300);
        args.put("int", 7);
        args.put("long", Long.MIN_VALUE);
        args.put("float", 1.25f);
        args.put("double", -0.5);
        args.put("char", 'x');
        args.put("string", "ünïcødé");
        args.put("list", List.of(1, "two", List.of(3L)));
        args.put("map", Map.of("k", "v"));
        Message message = Message.builder().exchange("ex").routingKey("a.b").persistent(true).priority(200)
                .messageId("ID:1").correlationId(null).timestamp(5).expiration(6).deliveryTime(7)
                .header("bytes", new byte[] {9, 8}).header("s", "v").body(new byte[] {1, 2, 3}).build();
        BindingRecord binding = new BindingRecord("vh", "src", "dst", false, "rk", args);
        return List.of(
                new ExchangeCreated(new ExchangeRecord("vh", "ex", ExchangeType.HEADERS, true, false, args)),
                new ExchangeCreated(new ExchangeRecord("vh", "untyped", null, false, true, null)),
                new ExchangeDeleted("vh", "ex"),
                new QueueCreated(new QueueRecord("vh", "q", true, args)),
                new QueueDeleted("vh", "q"),
                new BindingCreated(binding),
                new BindingDeleted(binding),
                new MessageStored(Long.MAX_VALUE, message),
                new MessageEnqueued("vh", "q", 1),
                new MessageDequeued("vh", "q", 2),
                new DeliveryCountUpdated("vh", "q", 3, Integer.MAX_VALUE));
    }

    @Test
    void everyOperationSurvivesARoundTrip() {
        List<StoreOperation> ops = everyOperation();
        ByteWriter w = new ByteWriter(16);
        RecordCodec.writeBatch(w, ops);

        byte[] record = w.toByteArray();
        int length = JournalFormat.readInt(record, 0);
        assertThat(length).isEqualTo(record.length - JournalFormat.RECORD_HEADER_SIZE);
        assertThat(JournalFormat.readInt(record, 4)).isEqualTo(JournalFormat.crc(record, 8, length));
        assertThat(record[8]).isEqualTo(JournalFormat.BATCH);
        List<StoreOperation> decoded = RecordCodec.readBatch(new ByteReader(record, 9, length - 1));
        assertThat(decoded).hasSameSizeAs(ops);
        for (int i = 0; i < ops.size(); i++) {
            // records compare their argument maps with equals; byte arrays only appear in the message headers
            assertThat(decoded.get(i)).isEqualTo(ops.get(i));
        }
    }

    @Test
    void aStoredMessageCarriesItsOwnChecksumSoItReadsBackWithoutItsRecord() {
        Message message = Message.builder().routingKey("k").priority(7).expiration(99).deliveryTime(42)
                .header("h", "v").body(new byte[] {1, 2, 3, 4, 5}).build();
        List<StoreOperation> ops = List.of(new MessageStored(5, message), new MessageEnqueued("vh", "q", 5));
        ByteWriter w = new ByteWriter(16);
        int[] starts = new int[2];
        RecordCodec.writeBatch(w, ops, starts);
        byte[] record = w.toByteArray();

        int length = RecordCodec.storedLength(record, starts[0], 5);
        assertThat(length).isEqualTo(message.encoded().length);
        assertThat(RecordCodec.storedIntact(record, starts[0], length)).isTrue();
        assertThatThrownBy(() -> RecordCodec.storedLength(record, starts[0], 6))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("message 5");
        List<MessageCodec.Header> headers = new ArrayList<>();
        RecordCodec.readBatch(new ByteReader(record, 9, record.length - 9), 9, new RecordCodec.BatchVisitor() {
            @Override
            public void stored(long messageId, int at, int opLength, MessageCodec.Header header) {
                assertThat(at + 9).isEqualTo(starts[0]);
                assertThat(opLength).isEqualTo(RecordCodec.STORED_HEADER + length);
                headers.add(header);
            }

            @Override
            public void operation(StoreOperation op, int from, int to) {
                assertThat(from).isEqualTo(starts[1]);
                assertThat(to).isEqualTo(record.length);
            }
        });
        assertThat(headers).containsExactly(new MessageCodec.Header(7, 99, 42, 5));

        record[starts[0] + RecordCodec.STORED_HEADER + length - 1] ^= 1;
        assertThat(RecordCodec.storedIntact(record, starts[0], length)).isFalse();
    }

    @Test
    void aTruncatedPayloadIsReportedNotMisread() {
        ByteWriter w = new ByteWriter(16);
        RecordCodec.writeBatch(w, everyOperation());
        byte[] record = w.toByteArray();
        byte[] cut = Arrays.copyOf(record, record.length - 3);
        assertThatThrownBy(() -> RecordCodec.readBatch(new ByteReader(cut, 9, cut.length - 9)))
                .isInstanceOf(CorruptDataException.class);
    }

    @Test
    void segmentHeadersRoundTripAndRejectDamage() {
        byte[] header = new SegmentHeader(123_456_789_012L, true).encode();
        assertThat(SegmentHeader.decode(header)).isEqualTo(new SegmentHeader(123_456_789_012L, true));
        header[10] ^= 1;
        assertThatThrownBy(() -> SegmentHeader.decode(header)).hasMessageContaining("checksum");
        SegmentHeader afterGap = new SegmentHeader(9, false, true);
        assertThat(SegmentHeader.decode(afterGap.encode())).isEqualTo(afterGap);
    }
}
