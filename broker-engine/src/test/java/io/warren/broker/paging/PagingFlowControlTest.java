package io.warren.broker.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.broker.ErrorCode;
import io.warren.broker.store.MemoryStore;
import io.warren.message.Message;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Producer flow control with paging: the heap limit pages, the disk limit blocks, transactions are held too. */
class PagingFlowControlTest {
    @TempDir
    Path dir;

    private static Message kib(boolean persistent) {
        return Message.builder().persistent(persistent).body(new byte[1024]).build();
    }

    @Test
    void aSmallMemoryLimitPagesInsteadOfRefusingProducers() {
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-pages").jmx(false).maxMemory(256 * 1024)
                .memoryWait(50).build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("q", false, false, false, Map.of());
            for (int i = 0; i < 5000; i++) {
                ch.publish("", "q", kib(false)).join();
            }
            assertThat(ch.queueDeclarePassive("q").messageCount()).isEqualTo(5000);
            assertThat(broker.memory().used()).isLessThan(broker.memory().limit());
            assertThat(broker.defaultVirtualHost().queue("q").orElseThrow().statistics().paged()).isGreaterThan(4900);
            while (ch.get("q", true, null) != null) {
                // drain
            }
            assertThat(broker.memory().used()).isZero();
        }
    }

    @Test
    void pastThePagingWatermarkDeepQueuesPageWhateverTheirOwnThreshold() {
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-watermark").jmx(false).maxMemory(256 * 1024)
                .memoryWait(50).queuePagingThreshold(1L << 30).pagingWatermark(0.25).build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("a", false, false, false, Map.of());
            ch.queueDeclare("b", false, false, false, Map.of());
            for (int i = 0; i < 2000; i++) {
                ch.publish("", "a", kib(false)).join();
                ch.publish("", "b", kib(false)).join();
            }
            assertThat(broker.memory().used()).isLessThan(broker.memory().limit());
            long heldOnHeap = broker.memory().used() - 4000L * PagedIndex.BYTES_PER_MESSAGE;
            assertThat(heldOnHeap).isBetween(0L, 256 * 1024 / 4 + 2 * 2048L);
            assertThat(broker.defaultVirtualHost().queue("a").orElseThrow().statistics().paged()).isGreaterThan(1900);
            assertThat(broker.defaultVirtualHost().queue("b").orElseThrow().statistics().paged()).isGreaterThan(1900);
        }
    }

    /**
     * The hole of issue 13: a transacted producer's publishes reached the queues at commit without ever asking
     * the memory guard, so a broker fed in batches ran out of heap instead of blocking the producer.
     */
    @Test
    void withoutPagingTransactedPublishesAreHeldBackAndRefusedLikeOthers() {
        MemoryStore store = new MemoryStore();
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-tx").jmx(false).store(() -> store)
                .maxMemory(256 * 1024).memoryWait(50).paging(false).build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("q", true, false, false, Map.of());
            ch.txSelect();
            BrokerException refused = null;
            for (int batch = 0; batch < 100 && refused == null; batch++) {
                try {
                    for (int i = 0; i < 100; i++) {
                        ch.publish("", "q", kib(true));
                    }
                    ch.txCommit().join();
                } catch (BrokerException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.RESOURCE_ERROR);
            assertThat(refused.getMessage()).contains("flow-tx").contains("limit");
            assertThat(broker.memory().used()).isLessThan(broker.memory().limit() + 100 * 2048);
        }
    }

    @Test
    void transactedPersistentBatchesArePagedInsteadOfExhaustingTheHeap() {
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-tx-paged").jmx(false).dataDirectory(dir)
                .maxMemory(2 << 20).memoryWait(50).build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("q", true, false, false, Map.of());
            ch.txSelect();
            for (int batch = 0; batch < 30; batch++) {
                for (int i = 0; i < 1000; i++) {
                    ch.publish("", "q", kib(true));
                }
                ch.txCommit().join();
            }
            assertThat(ch.queueDeclarePassive("q").messageCount()).isEqualTo(30_000);
            assertThat(broker.memory().used()).isLessThan(broker.memory().limit());
        }
    }

    @Test
    void aPageStoreThatCannotWriteFailsThePublishWithAClearErrorAndLosesNothingQueued() throws Exception {
        java.nio.file.Files.write(dir.resolve("paging"), new byte[1]);
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-disk-error").jmx(false).dataDirectory(dir)
                .queuePagingThreshold(4096).build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("q", false, false, false, Map.of());
            BrokerException failed = null;
            int accepted = 0;
            for (int i = 0; i < 100 && failed == null; i++) {
                try {
                    ch.publish("", "q", kib(false)).join();
                    accepted++;
                } catch (BrokerException e) {
                    failed = e;
                }
            }
            assertThat(failed).isNotNull();
            assertThat(failed.code()).isEqualTo(ErrorCode.STORE_ERROR);
            assertThat(failed.getMessage()).contains("flow-disk-error").contains("paging directory");
            assertThat(ch.queueDeclarePassive("q").messageCount()).isEqualTo(accepted);
            int drained = 0;
            while (ch.get("q", true, null) != null) {
                drained++;
            }
            assertThat(drained).isEqualTo(accepted);
        }
    }

    @Test
    void whenPageFilesReachTheirDiskLimitProducersAreBlockedThenRefused() {
        try (Broker broker = Broker.start(BrokerConfig.builder("flow-disk").jmx(false).maxMemory(1 << 20)
                .memoryWait(50).queuePagingThreshold(0).pagingMaxDisk(64 * 1024).pageFileSize(16 * 1024).build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("q", false, false, false, Map.of());
            BrokerException refused = null;
            int accepted = 0;
            for (int i = 0; i < 1000 && refused == null; i++) {
                try {
                    ch.publish("", "q", kib(false)).join();
                    accepted++;
                } catch (BrokerException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.RESOURCE_ERROR);
            assertThat(refused.getMessage()).contains("flow-disk").contains("page files at their disk limit");
            assertThat(accepted).isBetween(50, 70);
            assertThat(broker.pageStore().diskBytes()).isLessThan(80 * 1024);

            java.util.concurrent.atomic.AtomicInteger resumed = new java.util.concurrent.atomic.AtomicInteger();
            broker.memory().addCapacityListener(resumed::incrementAndGet);
            assertThat(broker.memory().hasCapacity()).isFalse();
            for (int i = 0; i < 40; i++) {
                ch.get("q", true, null);
            }
            assertThat(broker.memory().hasCapacity()).isTrue();
            assertThat(resumed).hasValue(1);
            ch.publish("", "q", kib(false)).join();
        }
    }
}
