package io.warren.broker.store.journal;

import io.warren.message.Message;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Builders and helpers shared by the journal tests. */
final class Fixtures {
    static final String VHOST = "/";

    private Fixtures() {
    }

    static Message message(long id, int bodySize) {
        byte[] body = new byte[bodySize];
        for (int i = 0; i < bodySize; i++) {
            body[i] = (byte) (id * 31 + i);
        }
        return Message.builder().exchange("").routingKey("q").persistent(true).messageId("ID:" + id)
                .header("seq", id).body(body).build();
    }

    static StoreBatch declareQueue(String name) {
        return StoreBatch.of(new StoreOperation.QueueCreated(new QueueRecord(VHOST, name, false, Map.of())));
    }

    static StoreBatch publish(String queue, long id, int bodySize) {
        return StoreBatch.of(new StoreOperation.MessageStored(id, message(id, bodySize)),
                new StoreOperation.MessageEnqueued(VHOST, queue, id));
    }

    static StoreBatch ack(String queue, long id) {
        return StoreBatch.of(new StoreOperation.MessageDequeued(VHOST, queue, id));
    }

    static JournalConfig.Builder config(Path directory) {
        return JournalConfig.builder(directory).syncPolicy(SyncPolicy.NEVER);
    }

    static JournalStore open(JournalConfig config, RecordingHandler handler) {
        JournalStore store = new JournalStore(config);
        store.open(handler.reading(store));
        return store;
    }

    /** Opens, recovers into a new handler, and closes again. */
    static RecordingHandler recover(JournalConfig config) {
        RecordingHandler handler = new RecordingHandler();
        open(config, handler).close();
        return handler;
    }

    static void await(CompletableFuture<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("store write did not complete: " + e, e);
        }
    }

    static void awaitAll(List<CompletableFuture<Void>> futures) {
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)));
    }

    static List<Path> segments(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> JournalFormat.parseSegmentName(f.getFileName().toString()).isPresent())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long directorySize(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // deleted meanwhile
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inverts the byte at {@code offset} of {@code file}: damage a checksum must catch. */
    static void flip(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0xFF));
            b.rewind();
            ch.write(b, offset);
        }
    }

    static void copyDirectory(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
