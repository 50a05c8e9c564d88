package io.warren.paging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What a child JVM knows the broker acknowledged: after each {@code commit()} returns, the child appends how many
 * messages its transactions have committed so far, one number a line, and forces the file to disk before it goes
 * on. A kill can therefore lose at most the record of the last commit (the broker has it, the file not yet), and
 * never record a commit the broker does not have. Written by one thread of the child, read by the test once the
 * child is dead.
 */
final class AckLog implements AutoCloseable {
    private final FileChannel channel;

    private AckLog(FileChannel channel) {
        this.channel = channel;
    }

    static AckLog append(Path file) throws IOException {
        return new AckLog(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** Records that {@code committed} messages are committed, and returns once that is on disk. */
    void record(long committed) {
        try {
            ByteBuffer line = ByteBuffer.wrap((committed + "\n").getBytes(StandardCharsets.US_ASCII));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the commit of " + committed + " messages", e);
        }
    }

    /** The last complete record in {@code file}; 0 for none (a line cut short by the kill does not count). */
    static long lastRecorded(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return 0;
        }
        List<String> lines = text.substring(0, end).lines().toList();
        return lines.isEmpty() ? 0 : Long.parseLong(lines.get(lines.size() - 1));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
