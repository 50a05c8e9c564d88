package io.warren.broker.store.journal;

import static io.warren.broker.store.journal.Fixtures.VHOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.exchange.ExchangeType;
import io.warren.message.Message;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.MemoryStore;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.StoreBatch;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreRecoveryTest {
    @TempDir
    Path dir;

    private static final ExchangeRecord ORDERS = new ExchangeRecord(VHOST, "orders", ExchangeType.TOPIC, false, false,
            Map.of("alternate-exchange", "unrouted", "x-weight", 3L, "x-flags", List.of(true, 1.5, 'c'),
                    "x-nested", Map.of("a", (short) 7, "b", (byte) -1, "c", 2.5f)));
    private static final ExchangeRecord AUDIT = new ExchangeRecord(VHOST, "audit", ExchangeType.FANOUT, true, true, null);
    private static final ExchangeRecord MATCH = new ExchangeRecord("other", "match", ExchangeType.HEADERS, false, false,
            Map.of());
    private static final QueueRecord EU = new QueueRecord(VHOST, "orders.eu", false,
            Map.of("x-message-ttl", 60_000, "x-max-priority", 9, "x-dead-letter-exchange", "dlx",
                    "x-overflow", "reject-publish"));
    private static final QueueRecord US = new QueueRecord(VHOST, "orders.us", false, Map.of("x-max-length", 1000L));
    private static final QueueRecord TEMP = new QueueRecord(VHOST, "temp", true, Map.of());
    private static final QueueRecord OTHER = new QueueRecord("other", "orders.eu", false, Map.of());
    private static final BindingRecord EU_BINDING = new BindingRecord(VHOST, "orders", "orders.eu", true, "order.eu.#",
            Map.of("x-selector", "priority > 3 AND region = 'eu'"));
    private static final BindingRecord US_BINDING = new BindingRecord(VHOST, "orders", "orders.us", true, "order.us.*",
            null);
    private static final BindingRecord E2E = new BindingRecord(VHOST, "orders", "audit", false, "#", null);
    private static final BindingRecord TEMP_BINDING = new BindingRecord(VHOST, "audit", "temp", true, "", null);
    private static final BindingRecord HEADERS = new BindingRecord("other", "match", "orders.eu", true, "",
            Map.of("x-match", "all", "region", "eu", "level", 3));

    private static Message rich(long id, int priority) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("region", "eu");
        headers.put("amount", 12.75);
        headers.put("count", id);
        headers.put("vip", id % 2 == 0);
        headers.put("raw", new byte[] {1, 2, (byte) id});
        headers.put("tags", List.of("a", "b"));
        return Message.builder().exchange("orders").routingKey("order.eu." + id).persistent(true).priority(priority)
                .messageId("ID:m-" + id).correlationId("corr-" + id).replyTo("replies").type("OrderPlaced")
                .contentType("application/json").userId("alice").appId("shop").timestamp(1_700_000_000_000L + id)
                .expiration(id % 3 == 0 ? 0 : 1_900_000_000_000L + id).deliveryTime(id == 4 ? 1_800_000_000_000L : 0)
                .origin("conn-" + id).headers(headers).body(("{\"order\":" + id + "}").getBytes()).build();
    }

    private static StoreBatch publish(long id, int priority, String... queues) {
        StoreBatch b = StoreBatch.of(new MessageStored(id, rich(id, priority)));
        for (String q : queues) {
            b.add(new MessageEnqueued(q.startsWith("other:") ? "other" : VHOST,
                    q.startsWith("other:") ? q.substring(6) : q, id));
        }
        return b;
    }

    /** A history exercising every operation, including deletions and re-declarations. */
    private static List<StoreBatch> history() {
        List<StoreBatch> h = new ArrayList<>();
        h.add(StoreBatch.of(new ExchangeCreated(ORDERS), new ExchangeCreated(AUDIT), new ExchangeCreated(MATCH)));
        h.add(StoreBatch.of(new QueueCreated(EU), new QueueCreated(US), new QueueCreated(TEMP),
                new QueueCreated(OTHER)));
        h.add(StoreBatch.of(new BindingCreated(EU_BINDING), new BindingCreated(US_BINDING), new BindingCreated(E2E),
                new BindingCreated(TEMP_BINDING), new BindingCreated(HEADERS)));
        h.add(publish(1, 0, "orders.eu"));
        h.add(publish(2, 9, "orders.eu", "orders.us"));
        h.add(publish(3, 4, "orders.us", "temp"));
        h.add(publish(4, 5, "orders.eu", "other:orders.eu"));
        h.add(publish(5, 255, "temp"));
        h.add(StoreBatch.of(new DeliveryCountUpdated(VHOST, "orders.eu", 1, 2),
                new DeliveryCountUpdated(VHOST, "orders.us", 2, 1)));
        h.add(StoreBatch.of(new MessageDequeued(VHOST, "orders.eu", 2)));
        h.add(StoreBatch.of(new DeliveryCountUpdated(VHOST, "orders.eu", 1, 3)));
        h.add(StoreBatch.of(new QueueDeleted(VHOST, "temp")));
        h.add(StoreBatch.of(new BindingDeleted(US_BINDING)));
        h.add(StoreBatch.of(new ExchangeDeleted(VHOST, "audit")));
        h.add(StoreBatch.of(new MessageStored(6, rich(6, 1))));
        h.add(publish(7, 3, "orders.us"));
        h.add(StoreBatch.of(new MessageDequeued(VHOST, "orders.us", 7), new QueueCreated(EU)));
        h.add(publish(8, 2));
        return h;
    }

    private static RecordingHandler memoryReplay(List<StoreBatch> batches) {
        MemoryStore memory = new MemoryStore();
        memory.open(new RecordingHandler());
        batches.forEach(memory::write);
        RecordingHandler handler = new RecordingHandler();
        memory.open(handler);
        return handler;
    }

    private JournalStore writeAll(JournalConfig config, List<StoreBatch> batches) {
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        List<java.util.concurrent.CompletableFuture<Void>> futures = new ArrayList<>();
        batches.forEach(b -> futures.add(store.write(b)));
        Fixtures.awaitAll(futures);
        return store;
    }

    @Test
    void recoversWhatTheMemoryStoreHolds() {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).build();
        writeAll(config, history()).close();

        RecordingHandler recovered = new RecordingHandler();
        JournalStore store = Fixtures.open(config, recovered);
        store.close();

        assertThat(recovered.calls).isNotEmpty().containsExactlyElementsOf(memoryReplay(history()).calls);
    }

    @Test
    void spansManySegmentsAndStaysEqualAcrossReopens() {
        JournalConfig config = Fixtures.config(dir).segmentSize(1024).compactionMinBytes(Long.MAX_VALUE / 4).build();
        List<StoreBatch> batches = new ArrayList<>(history());
        batches.add(Fixtures.declareQueue("bulk"));
        for (long id = 100; id < 300; id++) {
            batches.add(Fixtures.publish("bulk", id, (int) (id % 50) * 10));
            if (id % 3 == 0) {
                batches.add(Fixtures.ack("bulk", id - 1));
            }
        }
        writeAll(config, batches).close();
        assertThat(Fixtures.segments(dir)).hasSizeGreaterThan(20);

        RecordingHandler expected = memoryReplay(batches);
        assertThat(Fixtures.recover(config).calls).containsExactlyElementsOf(expected.calls);
        assertThat(Fixtures.recover(config).calls).containsExactlyElementsOf(expected.calls);
    }

    @Test
    void deletedEntitiesAndDequeuedMessagesDoNotComeBack() {
        JournalConfig config = Fixtures.config(dir).build();
        writeAll(config, history()).close();

        RecordingHandler r = Fixtures.recover(config);

        assertThat(r.all(ExchangeRecord.class)).containsExactly(ORDERS, MATCH);
        assertThat(r.all(QueueRecord.class)).containsExactly(EU, US, OTHER);
        assertThat(r.all(BindingRecord.class)).containsExactly(EU_BINDING, HEADERS);
        assertThat(r.messageIds("temp")).isEmpty();
        assertThat(r.messageIds("orders.us")).containsExactly(2L, 3L);
        assertThat(r.calls).noneMatch(c -> c instanceof RecordingHandler.MessageCall m
                && (m.messageId() == 5 || m.messageId() == 6 || m.messageId() == 7 || m.messageId() == 8));
    }

    @Test
    void aMessageOnTwoQueuesDequeuedFromOneStaysOnTheOther() {
        JournalConfig config = Fixtures.config(dir).build();
        writeAll(config, history()).close();

        RecordingHandler r = Fixtures.recover(config);

        assertThat(r.messageIds("orders.eu")).containsExactly(1L, 4L, 4L);
        List<RecordingHandler.MessageCall> us = r.messages("orders.us");
        assertThat(us.get(0).messageId()).isEqualTo(2);
        assertThat(us.get(0).deliveryCount()).isEqualTo(1);
        assertThat(us.get(0).message()).isEqualTo(rich(2, 9));
        assertThat(us.get(0).message().priority()).isEqualTo(9);
        assertThat(r.messages("orders.eu").get(0).deliveryCount()).isEqualTo(3);
        assertThat(r.messages("orders.eu").get(1).message().deliveryTime()).isEqualTo(1_800_000_000_000L);
    }

    @Test
    void returnsTheHighestMessageIdAndContinuesAfterRecovery() {
        JournalConfig config = Fixtures.config(dir).build();
        writeAll(config, history()).close();

        JournalStore store = new JournalStore(config);
        assertThat(store.open(new RecordingHandler())).isEqualTo(8);
        Fixtures.await(store.write(publish(9, 4, "orders.us")));
        store.close();

        JournalStore again = new JournalStore(config);
        RecordingHandler r = new RecordingHandler();
        assertThat(again.open(r)).isEqualTo(9);
        again.close();
        assertThat(r.messageIds("orders.us")).containsExactly(2L, 3L, 9L);
    }

    @Test
    void anEmptyDirectoryRecoversNothing() {
        JournalStore store = new JournalStore(Fixtures.config(dir.resolve("fresh/data")).build());
        RecordingHandler r = new RecordingHandler();
        assertThat(store.open(r)).isZero();
        store.close();
        assertThat(r.calls).isEmpty();
        assertThat(Fixtures.segments(dir.resolve("fresh/data"))).hasSize(1);
    }
}
