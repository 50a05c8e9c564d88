package io.warren.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.warren.broker.Delivery;
import io.warren.broker.store.journal.JournalConfig;
import io.warren.broker.store.journal.JournalStore;
import io.warren.message.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalMetersTest {
    @TempDir
    Path dir;

    private static Message persistent(int bytes) {
        return Message.builder().persistent(true).body(new byte[bytes]).build();
    }

    @Test
    void persistentPublishIsWrittenSyncedAndTimedOnAJournalBroker() {
        try (MeteredBroker b = MeteredBroker.start(MeteredBroker.config().dataDirectory(dir).build())) {
            b.channel.queueDeclare("q", true, false, false, Map.of());
            double syncsBefore = b.counter("warren.journal.syncs");

            b.channel.publish("", "q", persistent(100)).join();

            Timer sync = b.registry.get("warren.journal.sync").timer();
            assertThat(sync.count()).isPositive();
            assertThat(b.counter("warren.journal.syncs")).isGreaterThan(syncsBefore);
            assertThat(b.counter("warren.journal.batches")).isPositive();
            assertThat(b.counter("warren.journal.bytes.written")).isGreaterThan(100);
            assertThat(b.gauge("warren.journal.size.bytes")).isGreaterThan(100);
        }
    }

    @Test
    void compactionIsCountedAndTimed() {
        JournalConfig small = JournalConfig.builder(dir).segmentSize(1024).compactionMinBytes(4096).build();
        try (MeteredBroker b = MeteredBroker.start(MeteredBroker.config().store(() -> new JournalStore(small))
                .build())) {
            b.channel.queueDeclare("q", true, false, false, Map.of());
            // Messages that are acknowledged leave dead records behind until compaction drops them.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                b.channel.publish("", "q", persistent(512)).join();
                Delivery d = b.get("q");
                b.channel.ack(d.deliveryTag(), false);
                return b.counter("warren.journal.compactions") > 0;
            });

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> b.registry.get("warren.journal.compaction").timer().count() > 0);
        }
    }

    @Test
    void brokerWithoutJournalReportsNothingWritten() {
        try (MeteredBroker b = MeteredBroker.start()) {
            b.declare("q");
            b.publish("q", 3);

            assertThat(b.counter("warren.journal.batches")).isZero();
            assertThat(b.gauge("warren.journal.size.bytes")).isZero();
            assertThat(b.registry.get("warren.journal.sync").timer().count()).isZero();
        }
    }
}
