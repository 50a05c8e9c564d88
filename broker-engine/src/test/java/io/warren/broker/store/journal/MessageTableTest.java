package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class MessageTableTest {

    /** The table's content as a map from id to "location:queue@enqueuedAt#deliveryCount,..." sorted by queue. */
    private static Map<Long, String> dump(MessageTable table) {
        Map<Long, String> content = new TreeMap<>();
        MessageTable.Row row = new MessageTable.Row();
        for (long after = Long.MIN_VALUE; table.next(after, row); after = row.id) {
            TreeMap<Integer, String> holds = new TreeMap<>();
            for (int h = 0; h < row.holds.count; h++) {
                holds.put(row.holds.queues[h], row.holds.queues[h] + "@" + row.holds.enqueuedAt[h] + "#" + row.holds.deliveryCounts[h]);
            }
            content.put(row.id, row.location + ":" + String.join(",", holds.values()));
        }
        return content;
    }

    @Test
    void aMessageOnTwoQueuesStaysUntilBothDequeueIt() {
        MessageTable table = new MessageTable();
        table.stored(7, 700);
        table.enqueue(7, 0, 10);
        table.enqueue(7, 1, 11);
        table.deliveryCount(7, 1, 2);

        assertThat(dump(table)).containsExactly(Map.entry(7L, "700:0@10#0,1@11#2"));
        assertThat(table.dequeue(7, 0)).isFalse();
        assertThat(table.location(7)).isEqualTo(700);
        assertThat(table.dequeue(7, 1)).isTrue();
        assertThat(table.location(7)).isEqualTo(MessageLocation.NONE);
        assertThat(table.size()).isZero();
    }

    @Test
    void enqueueingAMessageNeverStoredFails() {
        MessageTable table = new MessageTable();
        assertThatThrownBy(() -> table.enqueue(3, 0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("message 3");
    }

    @Test
    void deletingAQueueReleasesWhatItAloneHeldAndKeepsMessagesNeverEnqueued() {
        MessageTable table = new MessageTable();
        for (long id = 1; id <= 5000; id++) {
            table.stored(id, id * 10);
            if (id % 5 != 0) {
                table.enqueue(id, (int) (id % 2), id);
            }
            if (id % 3 == 0) {
                table.enqueue(id, 2, id);
            }
        }
        table.releaseQueue(1);

        Map<Long, String> left = dump(table);
        assertThat(left).allSatisfy((id, holds) -> assertThat(holds).doesNotContain(":1@").doesNotContain(",1@"));
        assertThat(left.keySet()).allMatch(id -> id % 2 == 0 || id % 3 == 0 || id % 5 == 0);
        table.dropUnreferenced();
        assertThat(dump(table).keySet()).allMatch(id -> (id % 2 == 0 && id % 5 != 0) || id % 3 == 0);
    }

    /** Random operations in random id order, checked against a plain map of the same operations. */
    @Test
    void agreesWithASimpleModelUnderRandomOperations() {
        agreesWithTheModel(1313, k -> k, id -> id * 3, step -> step, q -> q);
    }

    /** Ids more than an int apart within one block, some negative, keep their exact values. */
    @Test
    void agreesWithTheModelWhenIdsLieFarApart() {
        agreesWithTheModel(1314, k -> k * 3_000_000_019L - 150_000_000_000L, id -> id * 3, step -> step, q -> q);
    }

    /** Enqueue times more than an int of milliseconds apart, and far before the first, keep millisecond precision. */
    @Test
    void agreesWithTheModelWhenEnqueueTimesLieFarApart() {
        agreesWithTheModel(1315, k -> k, id -> id * 3,
                step -> 1_700_000_000_000L + (step % 7 == 0 ? -step : step) * 86_400_001L, q -> q);
    }

    /** Messages of one block in different segments, some in records of the earlier format, keep their locations. */
    @Test
    void agreesWithTheModelWhenOneBlockSpansSegments() {
        agreesWithTheModel(1316, k -> k, id -> id % 11 == 0
                ? MessageLocation.ofRecord(id % 5, id * 1100 % MessageLocation.MAX_OFFSET)
                : MessageLocation.of(id / 300, id * 1100 % MessageLocation.MAX_OFFSET), step -> step, q -> q);
    }

    /** Queue indexes beyond what a short holds, next to small ones, come back exactly. */
    @Test
    void agreesWithTheModelWithQueueIndexesBeyondAShort() {
        agreesWithTheModel(1317, k -> k, id -> id * 3, step -> step, q -> q * 40_000);
    }

    /**
     * Checks random operations against a plain map of the same operations: message {@code k} in allocation order has
     * id {@code idOf(k)} and location {@code locationOf(id)}; a message enqueued at step {@code s} at
     * {@code timeOf(s)}; the queues are {@code queueOf(0..2)}.
     */
    private static void agreesWithTheModel(long seed, LongUnaryOperator idOf, LongUnaryOperator locationOf,
            LongUnaryOperator timeOf, IntUnaryOperator queueOf) {
        Random random = new Random(seed);
        MessageTable table = new MessageTable();
        TreeMap<Long, TreeMap<Integer, long[]>> model = new TreeMap<>();
        TreeMap<Long, Long> locations = new TreeMap<>();
        long nextId = 1;
        for (int step = 0; step < 200_000; step++) {
            int what = random.nextInt(10);
            if (what < 4) {
                // mostly ascending ids, sometimes a straggler below the highest
                long id = idOf.applyAsLong(
                        random.nextInt(8) == 0 && nextId > 50 ? nextId - 1 - random.nextInt(50) : nextId++);
                if (!locations.containsKey(id)) {
                    long location = locationOf.applyAsLong(id);
                    table.stored(id, location);
                    locations.put(id, location);
                    model.put(id, new TreeMap<>());
                    int queue = queueOf.applyAsInt(random.nextInt(3));
                    table.enqueue(id, queue, timeOf.applyAsLong(step));
                    model.get(id).put(queue, new long[] {timeOf.applyAsLong(step), 0});
                } else if (random.nextBoolean()) {
                    // stored again, as a transaction's commit does, somewhere else
                    long location = locationOf.applyAsLong(id + step);
                    table.stored(id, location);
                    locations.put(id, location);
                }
            } else if (what < 8 && !locations.isEmpty()) {
                long id = pick(random, locations);
                int queue = queueOf.applyAsInt(random.nextInt(3));
                boolean gone = table.dequeue(id, queue);
                TreeMap<Integer, long[]> holds = model.get(id);
                holds.remove(queue);
                assertThat(gone).isEqualTo(holds.isEmpty());
                if (holds.isEmpty()) {
                    model.remove(id);
                    locations.remove(id);
                }
            } else if (what == 8 && !locations.isEmpty()) {
                long id = pick(random, locations);
                int queue = queueOf.applyAsInt(random.nextInt(3));
                table.enqueue(id, queue, timeOf.applyAsLong(step));
                model.get(id).putIfAbsent(queue, new long[] {timeOf.applyAsLong(step), 0});
            } else if (!locations.isEmpty()) {
                long id = pick(random, locations);
                int queue = queueOf.applyAsInt(random.nextInt(3));
                int count = random.nextInt(3);
                table.deliveryCount(id, queue, count);
                long[] hold = model.get(id).get(queue);
                if (hold != null) {
                    hold[1] = count;
                }
            }
        }
        Map<Long, String> expected = new TreeMap<>();
        model.forEach((id, holds) -> {
            List<String> parts = new ArrayList<>();
            holds.forEach((q, h) -> parts.add(q + "@" + h[0] + "#" + h[1]));
            expected.put(id, locations.get(id) + ":" + String.join(",", parts));
        });
        assertThat(dump(table)).isEqualTo(expected);
        assertThat(table.size()).isEqualTo(expected.size());
        for (long k = 0; k < nextId; k++) {
            long id = idOf.applyAsLong(k);
            assertThat(table.location(id)).isEqualTo(locations.getOrDefault(id, MessageLocation.NONE));
            assertThat(table.contains(id + 1)).isEqualTo(locations.containsKey(id + 1));
        }
    }

    private static long pick(Random random, TreeMap<Long, Long> locations) {
        Long id = locations.ceilingKey(locations.firstKey()
                + (long) (random.nextDouble() * (locations.lastKey() - locations.firstKey() + 1)));
        return id == null ? locations.lastKey() : id;
    }

    /**
     * Issue 13 holds 6,000,000 messages in a 256 MiB heap: the table gets 16 bytes a message. Its rows take 14, plus
     * the blocks' own overhead and the few blocks whose messages cross into the next segment.
     */
    @Test
    void aMessageHeldByOneQueueCostsAtMostSixteenBytes() {
        int count = 1_000_000;
        long before = usedHeap();
        MessageTable table = new MessageTable();
        for (long id = 1; id <= count; id++) {
            table.stored(id, MessageLocation.of(id / 60_000, id * 1100 % 60_000_000));
            table.enqueue(id, 0, 1_700_000_000_000L + id);
        }
        long after = usedHeap();
        double perMessage = (after - before) / (double) count;
        System.out.printf("message table: %.2f bytes per message%n", perMessage);
        assertThat(table.size()).isEqualTo(count);
        assertThat(perMessage).isLessThanOrEqualTo(16);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
