package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptSafeChannelTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static FileChannel open(Path file) throws Exception {
        return InterruptSafeChannel.open(ChannelOpener.PLAIN, file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    @Test
    void aPlainChannelIsClosedForGoodByAnInterruptedWriter() throws Exception {
        try (FileChannel plain = FileChannel.open(dir.resolve("plain"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> plain.write(ascii("x"), 0)).isInstanceOf(ClosedByInterruptException.class);
            assertThat(plain.isOpen()).isFalse();
        }
    }

    @Test
    void aWriteAndSyncByAnInterruptedThreadLandAndTheThreadStaysInterrupted() throws Exception {
        Path file = dir.resolve("segment");
        try (FileChannel ch = open(file)) {
            Thread.currentThread().interrupt();
            assertThat(ch.write(ascii("abc"), 0)).isEqualTo(3);
            assertThat(Thread.interrupted()).isTrue();

            Thread.currentThread().interrupt();
            ch.force(false);
            assertThat(Thread.interrupted()).isTrue();
            assertThat(ch.isOpen()).isTrue();
            assertThat(ch.write(ascii("def"), 3)).isEqualTo(3);
        }
        assertThat(Files.readString(file)).isEqualTo("abcdef");
    }

    @Test
    void reopeningNeitherTruncatesTheFileNorLosesTheRelativePosition() throws Exception {
        Path file = dir.resolve("segment");
        try (FileChannel ch = open(file)) {
            ch.write(ascii("0123456789"));
            ch.position(4);
            Thread.currentThread().interrupt();
            ch.write(ascii("ab"));
            assertThat(Thread.interrupted()).isTrue();
            ch.write(ascii("cd"));
            assertThat(ch.position()).isEqualTo(8);
            Thread.currentThread().interrupt();
            ch.truncate(9);
            assertThat(Thread.interrupted()).isTrue();
            assertThat(ch.size()).isEqualTo(9);
        }
        assertThat(Files.readString(file)).isEqualTo("0123abcd8");
    }

    @Test
    void aChannelClosedOnPurposeStaysClosed() throws Exception {
        FileChannel ch = open(dir.resolve("segment"));
        ch.close();
        assertThatThrownBy(() -> ch.write(ascii("x"), 0)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> ch.force(false)).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void appendingChannelsAreRefused() {
        assertThatThrownBy(() -> InterruptSafeChannel.open(ChannelOpener.PLAIN, dir.resolve("log"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot append");
    }

    @Test
    void threadsInterruptedAtRandomWhileSharingTheChannelLoseNoWrite() throws Exception {
        int threads = 4;
        int records = 2_000;
        int size = 64;
        Path file = dir.resolve("segment");
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        try (FileChannel ch = open(file)) {
            for (int t = 0; t < threads; t++) {
                int id = t;
                writers.add(new Thread(() -> {
                    byte[] record = new byte[size];
                    for (int i = 0; i < records; i++) {
                        Arrays.fill(record, (byte) ('a' + id));
                        long at = ((long) i * threads + id) * size;
                        try {
                            ByteBuffer bb = ByteBuffer.wrap(record);
                            while (bb.hasRemaining()) {
                                ch.write(bb, at + bb.position());
                            }
                            if (i % 50 == 0) {
                                ch.force(false);
                            }
                        } catch (Exception e) {
                            failures.add(e);
                            return;
                        }
                        Thread.interrupted(); // the next write starts uninterrupted; interrupts land mid-call
                    }
                }, "writer-" + t));
            }
            Thread interrupter = new Thread(() -> {
                while (!done.get()) {
                    writers.get(ThreadLocalRandom.current().nextInt(threads)).interrupt();
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
                }
            });
            writers.forEach(Thread::start);
            interrupter.start();
            for (Thread w : writers) {
                w.join(TimeUnit.SECONDS.toMillis(60));
            }
            done.set(true);
            interrupter.join();
            assertThat(failures).isEmpty();
            assertThat(ch.isOpen()).isTrue();
        }
        byte[] expected = new byte[threads * records * size];
        for (int r = 0; r < threads * records; r++) {
            Arrays.fill(expected, r * size, (r + 1) * size, (byte) ('a' + r % threads));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }
}
