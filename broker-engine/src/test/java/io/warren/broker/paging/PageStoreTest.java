package io.warren.broker.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.message.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageStoreTest {
    @TempDir
    Path dir;

    private static Message message(int i, int size) {
        return Message.builder().header("i", i).body(new byte[size]).build();
    }

    @Test
    void contentReadsBackFromBufferAndFile() {
        try (PageStore store = new PageStore("t", dir, 1 << 20, -1)) {
            long a = store.append(message(1, 10));
            Message back = store.read(a);
            assertThat(back.header("i")).isEqualTo(1);
            assertThat(back.bodySize()).isEqualTo(10);
            long big = store.append(message(2, 600_000));
            assertThat(store.read(big).bodySize()).isEqualTo(600_000);
            assertThat(store.read(a).header("i")).isEqualTo(1);
        }
    }

    @Test
    void aFileIsDeletedOnceNoneOfItsMessagesIsLive() throws Exception {
        try (PageStore store = new PageStore("t", dir, 4096, -1)) {
            List<Long> locations = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                locations.add(store.append(message(i, 200)));
            }
            int before = store.fileCount();
            assertThat(before).isGreaterThan(4);
            for (int i = 0; i < 50; i++) {
                store.release(locations.get(i));
            }
            assertThat(store.fileCount()).isLessThanOrEqualTo(before / 2 + 1);
            for (int i = 50; i < 100; i++) {
                assertThat(store.read(locations.get(i)).header("i")).isEqualTo(i);
                store.release(locations.get(i));
            }
            assertThat(store.diskBytes()).isZero();
            try (var files = Files.list(dir.resolve("."))) {
                assertThat(files.filter(p -> p.getFileName().toString().startsWith("page-")).count())
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void leftoverPageFilesAreDeletedWhenTheStoreOpensAndCloses() throws Exception {
        Files.write(dir.resolve("page-00000007.dat"), new byte[100]);
        try (PageStore store = new PageStore("t", dir, 4096, -1)) {
            store.append(message(1, 10));
            assertThat(dir.resolve("page-00000007.dat")).doesNotExist();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anInterruptedCallerDoesNotBreakTheFilesForOthers() {
        try (PageStore store = new PageStore("t", dir, 1 << 20, -1)) {
            long a = store.append(message(1, 10));
            Thread.currentThread().interrupt();
            try {
                store.read(a);
                store.append(message(2, 10));
            } finally {
                assertThat(Thread.interrupted()).isTrue();
            }
            assertThat(store.read(a).header("i")).isEqualTo(1);
            assertThat(store.read(new long[] {a})[0].header("i")).isEqualTo(1);
        }
    }

    @Test
    void aTemporaryDirectoryGoesWithTheStore() {
        PageStore store = new PageStore("t", null, 4096, -1);
        assertThat(store.directory()).isNull();
        store.append(message(1, 10));
        Path tmp = store.directory();
        assertThat(tmp).isDirectory();
        store.close();
        assertThat(tmp).doesNotExist();
    }

    @Test
    void theDiskLimitStopsRoom() {
        try (PageStore store = new PageStore("t", dir, 4096, 1000)) {
            assertThat(store.hasRoom()).isTrue();
            long a = store.append(message(1, 2000));
            assertThat(store.hasRoom()).isFalse();
            store.release(a);
            assertThat(store.hasRoom()).isTrue();
        }
    }

    @Test
    void diskErrorsAreClearStoreErrors() throws Exception {
        Path notADirectory = Files.write(dir.resolve("file"), new byte[1]);
        try (PageStore store = new PageStore("broken", notADirectory.resolve("paging"), 4096, -1)) {
            assertThatThrownBy(() -> store.append(message(1, 10)))
                    .isInstanceOf(BrokerException.class)
                    .satisfies(e -> assertThat(((BrokerException) e).code()).isEqualTo(ErrorCode.STORE_ERROR))
                    .hasMessageContaining("broken").hasMessageContaining("paging directory");
        }
        try (PageStore store = new PageStore("t", dir, 4096, -1)) {
            long a = store.append(message(1, 10));
            store.release(a);
            store.append(message(2, 10));
            assertThatThrownBy(() -> store.read(7L << 32))
                    .isInstanceOf(BrokerException.class).hasMessageContaining("no page file");
        }
    }
    @Test
    void aFailedAppendWritesAndAccountsNothing() {
        try (PageStore store = new PageStore("t", dir, 1 << 20, -1)) {
            long a = store.append(message(1, 100));
            long bytes = store.diskBytes();
            FailingPages failing = FailingPages.failAfter(store, 0);
            assertThatThrownBy(() -> store.append(message(2, 100))).isInstanceOfSatisfying(BrokerException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR));
            assertThat(store.diskBytes()).isEqualTo(bytes);
            failing.heal();
            long b = store.append(message(3, 100));
            assertThat(store.read(a).header("i")).isEqualTo(1);
            assertThat(store.read(b).header("i")).isEqualTo(3);
            store.release(a);
            store.release(b);
            assertThat(store.diskBytes()).isZero();
        }
    }

    @Test
    void aFailedFlushKeepsTheBufferedRecordsAndWritesThemWithTheNextOne() {
        try (PageStore store = new PageStore("t", dir, 1 << 30, -1)) {
            List<Long> locations = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                locations.add(store.append(message(i, 20_000)));
            }
            store.faults((write, file) -> {
                if (write == PageFaults.Write.FLUSH) {
                    throw new java.io.IOException("No space left on device (injected)");
                }
            });
            // Fills the 256 KiB buffer: the flush it needs fails, and so does this append.
            int failed = 0;
            for (int i = 10; i < 20 && failed == 0; i++) {
                try {
                    locations.add(store.append(message(i, 20_000)));
                } catch (BrokerException e) {
                    failed = i;
                }
            }
            assertThat(failed).isPositive();
            for (int i = 0; i < failed; i++) {
                assertThat(store.read(locations.get(i)).header("i")).as("buffered record %d", i).isEqualTo(i);
            }
            store.faults(null);
            for (int i = failed; i < failed + 20; i++) {
                locations.add(store.append(message(i, 20_000)));
            }
            Message[] all = store.read(locations.stream().mapToLong(Long::longValue).toArray());
            for (int i = 0; i < all.length; i++) {
                assertThat(all[i].header("i")).as("record %d after the flush succeeded", i).isEqualTo(i);
            }
        }
    }
}
