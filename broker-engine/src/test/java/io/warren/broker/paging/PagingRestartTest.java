package io.warren.broker.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.Delivery;
import io.warren.broker.store.ForwardingRecoveryHandler;
import io.warren.broker.store.ForwardingStore;
import io.warren.broker.store.MemoryStore;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.Store;
import io.warren.message.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A durable broker restarted with a paged queue gets every persistent message back, in order, still paged. */
class PagingRestartTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path dir;

    private static Broker start(UnaryOperator<BrokerConfig.Builder> store) {
        return Broker.start(store.apply(BrokerConfig.builder("restart-" + NAMES.incrementAndGet()).jmx(false)
                .queuePagingThreshold(0).pagingReadAhead(16)).build());
    }

    private static Message persistent(int i) {
        return Message.builder().persistent(true).header("n", i).body(("m" + i).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static String body(Delivery d) {
        return new String(d.message().body(), StandardCharsets.UTF_8);
    }

    /** Fills a paged queue, consumes 50, sends one back with a delivery counted, and stops the broker. */
    private static void fillAndStop(Broker broker) {
        Channel ch = broker.defaultVirtualHost().connect("c").createChannel();
        ch.queueDeclare("q", true, false, false, Map.of());
        for (int i = 0; i < 300; i++) {
            ch.publish("", "q", persistent(i)).join();
            ch.publish("", "q", Message.builder().body("transient".getBytes()).build()).join();
        }
        assertThat(broker.defaultVirtualHost().queue("q").orElseThrow().statistics().paged()).isEqualTo(600);
        int acked = 0;
        while (acked < 50) {
            Delivery d = ch.get("q", false, null);
            if (d.message().persistent()) {
                acked++;
            }
            ch.ack(d.deliveryTag(), false);
        }
        ch.get("q", true, null);
        Delivery redelivered = ch.get("q", false, null);
        assertThat(body(redelivered)).isEqualTo("m50");
        ch.nack(redelivered.deliveryTag(), false, true);
        broker.close();
    }

    private static void assertComesBackPagedAndInOrder(Broker broker) {
        try (broker) {
            assertThat(broker.defaultVirtualHost().queue("q").orElseThrow().statistics().paged()).isEqualTo(250);
            Channel ch = broker.defaultVirtualHost().connect("c").createChannel();
            List<String> got = new ArrayList<>();
            Delivery d;
            while ((d = ch.get("q", true, null)) != null) {
                got.add(body(d));
                if (got.size() == 1) {
                    assertThat(d.deliveryCount()).isEqualTo(2);
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 50; i < 300; i++) {
                expected.add("m" + i);
            }
            assertThat(got).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aPagedQueueComesBackInOrderAfterARestartOnTheSameMemoryStore() {
        MemoryStore store = new MemoryStore();
        fillAndStop(start(b -> b.store(() -> store)));
        assertComesBackPagedAndInOrder(start(b -> b.store(() -> store)));
    }

    @Test
    void aPagedQueueComesBackInOrderAfterARestartOnTheJournal() {
        fillAndStop(start(b -> b.dataDirectory(dir)));
        assertThat(dir.resolve("paging")).isEmptyDirectory();
        assertComesBackPagedAndInOrder(start(b -> b.dataDirectory(dir)));
    }

    @Test
    void pageFilesACrashedBrokerLeftAreDeletedWhenItStartsAgain() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("paging"));
        java.nio.file.Files.write(dir.resolve("paging").resolve("page-00000003.dat"), new byte[64]);
        try (Broker broker = start(b -> b.dataDirectory(dir))) {
            assertThat(dir.resolve("paging")).isEmptyDirectory();
        }
    }

    @Test
    void aDeepQueueRecoveredBySummariesReadsNoContentUntilConsumed() {
        SummaryStore store = new SummaryStore(new MemoryStore());
        fillAndStop(start(b -> b.store(() -> store)));
        store.reads.set(0);
        Broker broker = start(b -> b.store(() -> store));
        assertThat(store.reads).hasValue(0);
        assertComesBackPagedAndInOrder(broker);
        // Once each, or twice when the consumer's page-in overtook the read-ahead of the same batch.
        assertThat(store.reads.get()).isBetween(250, 2 * 250);
    }

    /** A store that replays messages by their summaries, as a journal recovering from its index does. */
    private static final class SummaryStore extends ForwardingStore {
        final AtomicInteger reads = new AtomicInteger();

        SummaryStore(Store delegate) {
            super(delegate);
        }

        @Override
        public long open(RecoveryHandler handler) {
            return delegate.open(new ForwardingRecoveryHandler(handler) {
                @Override
                public void message(String virtualHost, String queue, long messageId, Message message,
                                    int deliveryCount) {
                    message(virtualHost, queue, messageId, message, deliveryCount, System.currentTimeMillis());
                }

                @Override
                public void message(String virtualHost, String queue, long messageId, Message message,
                                    int deliveryCount, long enqueuedAt) {
                    handler.message(virtualHost, queue, MessageSummary.of(messageId, message), deliveryCount,
                            enqueuedAt);
                }
            });
        }

        @Override
        public Message read(long messageId) {
            reads.incrementAndGet();
            return delegate.read(messageId);
        }

        @Override
        public boolean isDurable() {
            return true;
        }
    }
}
