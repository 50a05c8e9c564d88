package io.warren.broker.store.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A file channel that an interrupt of the thread using it does not close. A plain {@link FileChannel} is closed for
 * every thread when a thread blocked in it (or entering it with its interrupt status set) is interrupted; the journal
 * does its I/O on application threads as well ({@link JournalWriter#help}), which an executor's {@code shutdownNow}
 * or a container stopping may interrupt at any moment. This channel then reopens the file and repeats the
 * operation, which is safe because every operation is idempotent here: writes go to explicit positions (relative
 * writes use a position this channel keeps), and a sync through the reopened descriptor covers what was written
 * through the old one, as it syncs the file rather than the descriptor. The interrupt status is restored
 * afterwards, so the thread still sees that it was interrupted.
 *
 * <p>Reopening drops the options that create or truncate the file. Locks and mappings are not repeated: they
 * belong to the descriptor that was closed. Relative operations and {@link #position(long)} are for one thread at a
 * time, as the journal's writer role ensures; positional ones are thread-safe, as for any file channel.
 */
final class InterruptSafeChannel extends FileChannel {
    /** Gives up after this many interrupts in one operation, so that a thread interrupted in a loop fails. */
    private static final int MAX_ATTEMPTS = 100;

    private final ChannelOpener opener;
    private final Path path;
    private final OpenOption[] reopenOptions;
    private volatile FileChannel delegate;
    private long position;

    private InterruptSafeChannel(ChannelOpener opener, Path path, OpenOption[] reopenOptions, FileChannel delegate) {
        this.opener = opener;
        this.path = path;
        this.reopenOptions = reopenOptions;
        this.delegate = delegate;
    }

    /** An opener whose channels are interrupt-safe, each reopened through {@code opener}. */
    static ChannelOpener wrapping(ChannelOpener opener) {
        return (path, options) -> open(opener, path, options);
    }

    static FileChannel open(ChannelOpener opener, Path path, OpenOption... options) throws IOException {
        if (Arrays.asList(options).contains(StandardOpenOption.APPEND)) {
            throw new IllegalArgumentException("an interrupt-safe channel cannot append: reopened, it would lose "
                    + "track of where its writes went");
        }
        OpenOption[] reopen = Arrays.stream(options)
                .filter(o -> o != StandardOpenOption.CREATE && o != StandardOpenOption.CREATE_NEW
                        && o != StandardOpenOption.TRUNCATE_EXISTING && o != StandardOpenOption.DELETE_ON_CLOSE)
                .toArray(OpenOption[]::new);
        return new InterruptSafeChannel(opener, path, reopen, opener.open(path, options));
    }

    @FunctionalInterface
    private interface Operation<T> {
        T run(FileChannel channel) throws IOException;
    }

    private <T> T retrying(Operation<T> operation) throws IOException {
        boolean interrupted = false;
        try {
            for (int attempt = 1; ; attempt++) {
                FileChannel ch = delegate;
                try {
                    return operation.run(ch);
                } catch (ClosedChannelException e) {
                    // also closed when another thread using this channel was interrupted
                    if (!isOpen() || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    if (e instanceof ClosedByInterruptException) {
                        interrupted = true;
                        Thread.interrupted(); // else the next attempt is closed at once
                    }
                    reopen(ch);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void reopen(FileChannel closed) throws IOException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
        if (delegate == closed) {
            delegate = opener.open(path, reopenOptions);
        }
    }

    @Override
    public int write(ByteBuffer src, long at) throws IOException {
        int start = src.position();
        return retrying(ch -> {
            src.position(start);
            return ch.write(src, at);
        });
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        int start = dst.position();
        return retrying(ch -> {
            dst.position(start);
            return ch.read(dst, at);
        });
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        int n = write(src, position);
        position += n;
        return n;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long written = 0;
        for (int i = offset; i < offset + length; i++) {
            while (srcs[i].hasRemaining()) {
                written += write(srcs[i]);
            }
        }
        return written;
    }

    @Override
    public synchronized long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            while (dsts[i].hasRemaining()) {
                int n = read(dsts[i]);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                if (n == 0) {
                    return total;
                }
                total += n;
            }
        }
        return total;
    }

    @Override
    public synchronized long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public synchronized FileChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return retrying(FileChannel::size);
    }

    @Override
    public synchronized FileChannel truncate(long size) throws IOException {
        retrying(ch -> ch.truncate(size));
        position = Math.min(position, size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        retrying(ch -> {
            ch.force(metaData);
            return null;
        });
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        return retrying(ch -> ch.transferTo(at, count, target));
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) throws IOException {
        // not repeated: what the source gave up before the interrupt is gone
        ensureOpen();
        return delegate.transferFrom(src, at, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) throws IOException {
        ensureOpen();
        return delegate.map(mode, at, size);
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) throws IOException {
        ensureOpen();
        return delegate.lock(at, size, shared);
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) throws IOException {
        ensureOpen();
        return delegate.tryLock(at, size, shared);
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    protected synchronized void implCloseChannel() throws IOException {
        delegate.close();
    }
}
