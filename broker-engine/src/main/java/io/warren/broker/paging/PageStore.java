package io.warren.broker.paging;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.message.Message;
import io.warren.message.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The broker's disk for message content that no store keeps: non-persistent messages of paged queues (and
 * persistent ones on a broker without a durable store). Append-only page files of about
 * {@code fileSize} bytes, never synced — their content does not survive the process, so every page file is
 * deleted when the store opens and closes — and a file is deleted as soon as none of its messages is live.
 * Opened lazily on the first {@link #append}, so a broker that never pages creates no directory.
 *
 * <p>A location is the file number in the high 32 bits and the record's offset in the low 32. A record is
 * the encoded message's length (an int) followed by {@link MessageCodec} bytes. Writes go through a buffer
 * that a read of a buffered record flushes first.
 *
 * <p>Thread-safe: file access is synchronized (encoding and decoding are not), so queues of several threads share one store; reads are short,
 * mostly from the page cache, and an interrupted caller does not close a file for the others. I/O errors become
 * {@code STORE_ERROR}s naming the file.
 */
public final class PageStore implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PageStore.class);
    private static final String PREFIX = "page-";
    private static final String SUFFIX = ".dat";
    private static final int BUFFER = 256 * 1024;

    /** One page file. */
    private static final class PageFile {
        final int number;
        final Path path;
        /** Not a FileChannel: an interrupted application thread paging in or out would close that for all. */
        final RandomAccessFile file;
        long size;
        int live;

        PageFile(int number, Path path, RandomAccessFile file) {
            this.number = number;
            this.path = path;
            this.file = file;
        }
    }

    private final String brokerName;
    private final Path configured;
    private final long fileSize;
    private final long configuredMaxDisk;
    private final Map<Integer, PageFile> files = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private Path directory;
    private boolean temporary;
    private long maxDisk;
    private PageFile current;
    /** Bytes of {@link #current} already written from the buffer. */
    private long flushed;
    private long diskBytes;
    private int nextNumber;
    private boolean closed;
    private volatile boolean room;
    /** Fails writes on purpose (tests); null in service. */
    private volatile PageFaults faults;

    /**
     * @param directory where page files go, or null for a temporary directory deleted on {@link #close()}
     * @param fileSize  bytes after which a new page file is started
     * @param maxDisk   bytes of page files beyond which {@link #hasRoom()} is false; a negative value means
     *                  half the space free on the directory's file system when the store opens
     */
    public PageStore(String brokerName, Path directory, long fileSize, long maxDisk) {
        this.brokerName = brokerName;
        this.configured = directory;
        this.fileSize = fileSize;
        this.configuredMaxDisk = maxDisk;
        updateRoom();
    }

    /** Whether page files may grow: false once they hold the disk limit. Cheap, for every publish to ask. */
    public boolean hasRoom() {
        return room;
    }

    private void updateRoom() {
        room = !closed && (directory == null ? configuredMaxDisk != 0 : diskBytes < maxDisk);
    }

    /** Bytes the page files hold now, dead records included. */
    public synchronized long diskBytes() {
        return diskBytes;
    }

    /** Page files on disk now. */
    public synchronized int fileCount() {
        return files.size();
    }

    /** The directory of the page files, or null before the first page was written. */
    public synchronized Path directory() {
        return directory;
    }

    /** Makes the writes {@code faults} picks fail as a full or broken disk would; null stops it. For tests. */
    void faults(PageFaults faults) {
        this.faults = faults;
    }

    private void check(PageFaults.Write write, Path file) throws IOException {
        PageFaults f = faults;
        if (f != null) {
            f.check(write, file);
        }
    }

    /**
     * Writes a message's content; returns its location. After a {@code STORE_ERROR} the store is as before the
     * call: nothing is accounted and the content appended before stays readable.
     */
    public long append(Message message) {
        // Encoded outside the lock: queues of several threads share the store.
        return append(MessageCodec.encode(message));
    }

    private synchronized long append(byte[] data) {
        ensureOpen();
        int length = 4 + data.length;
        if (current == null || current.size > 0 && current.size + length > fileSize) {
            roll();
        }
        long offset = current.size;
        try {
            check(PageFaults.Write.APPEND, current.path);
            if (buffer.remaining() < length) {
                flush();
            }
            if (length > buffer.capacity()) {
                current.file.seek(flushed);
                current.file.writeInt(data.length);
                current.file.write(data);
                flushed += length;
            } else {
                buffer.putInt(data.length).put(data);
            }
        } catch (IOException e) {
            throw failure("cannot write page file " + current.path, e);
        }
        current.size += length;
        current.live++;
        diskBytes += length;
        updateRoom();
        return (long) current.number << 32 | offset;
    }

    /** Reads back the content at {@code location}. */
    public Message read(long location) {
        byte[] data = readBytes(location);
        try {
            return MessageCodec.decode(data);
        } catch (RuntimeException e) {
            throw failure("cannot decode the page record at " + Long.toHexString(location), e);
        }
    }

    private synchronized byte[] readBytes(long location) {
        PageFile f = files.get((int) (location >>> 32));
        if (f == null) {
            throw new BrokerException(ErrorCode.STORE_ERROR, "broker '" + brokerName + "': page location "
                    + Long.toHexString(location) + " is in no page file any more");
        }
        long offset = location & 0xFFFF_FFFFL;
        try {
            if (f == current && offset >= flushed) {
                // Still in the write buffer (a selector consumer reading a fresh arrival): no write for a read.
                ByteBuffer buffered = buffer.duplicate().flip().position((int) (offset - flushed));
                byte[] data = new byte[buffered.getInt()];
                buffered.get(data);
                return data;
            }
            ByteBuffer header = ByteBuffer.allocate(4);
            readFully(f, header, offset);
            ByteBuffer data = ByteBuffer.allocate(header.flip().getInt());
            readFully(f, data, offset + 4);
            return data.array();
        } catch (IOException | RuntimeException e) {
            throw failure("cannot read page file " + f.path + " at " + offset, e);
        }
    }

    /**
     * Reads back the content at each location, in one read per run of adjacent records (the usual case: a
     * queue's paged messages were written one after the other). A location whose content cannot be read (gone
     * with its file, or a disk error) gives null: the caller reads it alone when it still needs it.
     */
    public Message[] read(long[] locations) {
        byte[][] records = readAll(locations);
        Message[] out = new Message[records.length];
        for (int i = 0; i < records.length; i++) {
            try {
                out[i] = records[i] == null ? null : MessageCodec.decode(records[i]);
            } catch (RuntimeException e) {
                // Left null: the caller's own read of this one reports it.
            }
        }
        return out;
    }

    private synchronized byte[][] readAll(long[] locations) {
        byte[][] out = new byte[locations.length][];
        int i = 0;
        while (i < locations.length) {
            int before = i;
            try {
                i = readRun(locations, i, out);
            } catch (IOException | RuntimeException e) {
                i = before;
            }
            if (i == before) {
                i++;
            }
        }
        return out;
    }

    /** Reads the records adjacent to {@code locations[i]} from one window of its file; returns the next index. */
    private int readRun(long[] locations, int i, byte[][] out) throws IOException {
        int number = (int) (locations[i] >>> 32);
        PageFile f = files.get(number);
        if (f == null) {
            return i;
        }
        long offset = locations[i] & 0xFFFF_FFFFL;
        ByteBuffer window;
        if (f == current && offset >= flushed) {
            window = buffer.duplicate().flip().position((int) (offset - flushed));
        } else {
            long fileEnd = f == current ? flushed : f.size;
            if (offset + 4 > fileEnd) {
                return i;
            }
            window = ByteBuffer.allocate((int) Math.min(BUFFER, fileEnd - offset));
            readFully(f, window, offset);
            window.flip();
        }
        long position = offset;
        while (i < locations.length && locations[i] == ((long) number << 32 | position) && window.remaining() >= 4) {
            int length = window.getInt(window.position());
            if (window.remaining() < 4 + length) {
                break;
            }
            window.getInt();
            byte[] data = new byte[length];
            window.get(data);
            out[i++] = data;
            position += 4 + length;
        }
        return i;
    }

    /**
     * The message at {@code location} is no longer needed; its file goes once none of its messages is. Never
     * fails: callers release in the middle of changing a queue, so a file that cannot be truncated or deleted is
     * logged and left behind (its bytes no longer count against the disk limit; the broker deletes it when it
     * closes or next starts).
     */
    public synchronized void release(long location) {
        PageFile f = files.get((int) (location >>> 32));
        if (f == null) {
            return;
        }
        f.live--;
        if (f.live <= 0) {
            try {
                if (f == current) {
                    // Empty: start the same file again instead of deleting and recreating it.
                    buffer.clear();
                    diskBytes -= f.size;
                    f.size = 0;
                    flushed = 0;
                    truncate(f);
                } else {
                    delete(f);
                }
            } catch (BrokerException e) {
                LOG.warn("{}", e.getMessage());
            } finally {
                updateRoom();
            }
        }
    }

    /**
     * Deletes page files a previous run left in the configured directory (it crashed before deleting them): their
     * content was never to outlive it. Called when the broker starts, whether it will page or not; a failure is
     * logged.
     */
    public synchronized void discardLeftovers() {
        if (configured == null || !Files.isDirectory(configured)) {
            return;
        }
        try {
            deletePageFiles(configured);
        } catch (IOException e) {
            // Not fatal: they take disk space only, and the first page written tries again.
            LOG.warn("broker '{}' could not delete old page files in {}: {}", brokerName, configured, e.toString());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BrokerException(ErrorCode.STORE_ERROR, "broker '" + brokerName + "': the page store is closed");
        }
        if (directory != null) {
            return;
        }
        try {
            if (configured == null) {
                directory = Files.createTempDirectory("warren-paging-" + brokerName.replaceAll("[^A-Za-z0-9_-]", "_"));
                temporary = true;
            } else {
                directory = Files.createDirectories(configured);
                deletePageFiles(directory);
            }
            maxDisk = configuredMaxDisk >= 0 ? configuredMaxDisk : Files.getFileStore(directory).getUsableSpace() / 2;
            updateRoom();
        } catch (IOException e) {
            directory = null;
            throw failure("cannot create the paging directory " + (configured == null ? "(temporary)" : configured), e);
        }
    }

    private static void deletePageFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : stream) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void roll() {
        if (current != null) {
            try {
                flush();
            } catch (IOException e) {
                throw failure("cannot write page file " + current.path, e);
            }
            if (current.live == 0) {
                delete(current);
            }
        }
        int number = nextNumber++;
        Path path = directory.resolve(String.format("%s%08d%s", PREFIX, number, SUFFIX));
        try {
            check(PageFaults.Write.CREATE, path);
            RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
            file.setLength(0);
            current = new PageFile(number, path, file);
            files.put(number, current);
            flushed = 0;
        } catch (IOException e) {
            current = null;
            throw failure("cannot create page file " + path, e);
        }
    }

    private void flush() throws IOException {
        int end = buffer.position();
        if (end == 0) {
            return;
        }
        // On failure the records stay buffered (readable, written again by the next flush from the same
        // offset), so a failed write loses none of the content appended before it.
        check(PageFaults.Write.FLUSH, current.path);
        current.file.seek(flushed);
        current.file.write(buffer.array(), 0, end);
        flushed += end;
        buffer.clear();
    }

    private static void readFully(PageFile f, ByteBuffer dst, long position) throws IOException {
        f.file.seek(position);
        f.file.readFully(dst.array(), dst.position(), dst.remaining());
        dst.position(dst.limit());
    }

    private void truncate(PageFile f) {
        try {
            f.file.setLength(0);
        } catch (IOException e) {
            throw failure("cannot truncate page file " + f.path, e);
        }
    }

    private void delete(PageFile f) {
        files.remove(f.number);
        diskBytes -= f.size;
        if (f == current) {
            current = null;
            buffer.clear();
        }
        try {
            f.file.close();
            Files.deleteIfExists(f.path);
        } catch (IOException e) {
            throw failure("cannot delete page file " + f.path, e);
        }
    }

    private BrokerException failure(String what, Exception cause) {
        return new BrokerException(ErrorCode.STORE_ERROR, "broker '" + brokerName + "' paging: " + what + ": "
                + cause, cause);
    }

    /** Deletes every page file (their content never outlives the broker) and a temporary directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        updateRoom();
        for (PageFile f : files.values().toArray(PageFile[]::new)) {
            delete(f);
        }
        if (temporary && directory != null) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                throw failure("cannot delete the paging directory " + directory, e);
            }
        }
    }
}
