package io.warren.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.queue.QueueStatistics;
import io.warren.broker.store.StoreObserver;
import io.warren.broker.store.StoreStatistics;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreStatisticsRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void journalReportsBatchesBytesAndSyncsAndTellsObserversOfEachSync() {
        AtomicInteger syncs = new AtomicInteger();
        AtomicLong nanos = new AtomicLong();
        try (RestartNode node = RestartNode.start(dir)) {
            node.broker.addStoreObserver(new StoreObserver() {
                @Override
                public void synced(long took) {
                    syncs.incrementAndGet();
                    nanos.addAndGet(took);
                }

                @Override
                public void compacted(long took, long bytesBefore, long bytesAfter) {
                }
            });
            node.channel.queueDeclare("q", true, false, false, Map.of());
            StoreStatistics before = node.broker.storeStatistics();
            for (int i = 0; i < 10; i++) {
                node.send("q", RestartNode.persistent("message " + i));
            }
            StoreStatistics after = node.broker.storeStatistics();
            assertThat(after.batches() - before.batches()).isGreaterThanOrEqualTo(10);
            assertThat(after.bytesWritten() - before.bytesWritten()).isGreaterThan(10 * 9);
            assertThat(after.syncs()).isGreaterThan(before.syncs());
            assertThat(after.journalBytes()).isGreaterThanOrEqualTo(after.bytesWritten());
            assertThat(syncs.get()).isGreaterThanOrEqualTo(1);
            assertThat(after.syncNanos()).isGreaterThanOrEqualTo(nanos.get());
        }
    }

    @Test
    void recoveredMessagesAreDepthButNotPublishesAndTheNewLifeCountsAfresh() {
        try (RestartNode node = RestartNode.start(dir)) {
            node.channel.queueDeclare("q", true, false, false, Map.of());
            for (int i = 0; i < 3; i++) {
                node.send("q", RestartNode.persistent("m" + i));
            }
            node.crash();
        }
        try (RestartNode node = RestartNode.start(dir)) {
            QueueStatistics s = node.host.queue("q").orElseThrow().statistics();
            assertThat(s.ready()).isEqualTo(3);
            assertThat(s.published()).isZero();
            assertThat(node.broker.storeStatistics().journalBytes()).isGreaterThan(0);
            assertThat(node.drain("q")).containsExactly("m0", "m1", "m2");
            assertThat(node.host.queue("q").orElseThrow().statistics().delivered()).isEqualTo(3);
        }
    }

    @Test
    void nonPersistentBrokerReportsNoStoreActivity() {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("q", Map.of());
            f.send("q", "x");
            assertThat(f.broker.storeStatistics()).isEqualTo(StoreStatistics.NONE);
        }
    }
}
