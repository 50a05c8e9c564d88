package io.warren.broker.store.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file channel whose writes and syncs fail while {@code broken} is set, like a disk that died, and whose
 * positional writes alone fail while {@code positionalBroken} is set, like a disk too full to preallocate. Once
 * {@link #interruptNextSync} is set, its next sync interrupts the calling thread first, like an interrupt that lands
 * while the sync runs: the channel underneath closes with a {@link java.nio.channels.ClosedByInterruptException}.
 */
final class FailingChannel extends FileChannel {
    private final FileChannel delegate;
    private final AtomicBoolean broken;
    private final AtomicBoolean positionalBroken;
    private final AtomicBoolean interruptNextSync;

    FailingChannel(FileChannel delegate, AtomicBoolean broken) {
        this(delegate, broken, new AtomicBoolean());
    }

    FailingChannel(FileChannel delegate, AtomicBoolean broken, AtomicBoolean positionalBroken) {
        this(delegate, broken, positionalBroken, new AtomicBoolean());
    }

    FailingChannel(FileChannel delegate, AtomicBoolean broken, AtomicBoolean positionalBroken,
                   AtomicBoolean interruptNextSync) {
        this.delegate = delegate;
        this.broken = broken;
        this.positionalBroken = positionalBroken;
        this.interruptNextSync = interruptNextSync;
    }

    private void check() throws IOException {
        if (broken.get()) {
            throw new IOException("simulated disk failure");
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        check();
        return delegate.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        check();
        return delegate.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        check();
        delegate.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        check();
        if (interruptNextSync.getAndSet(false)) {
            Thread.currentThread().interrupt();
        }
        delegate.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        check();
        return delegate.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        check();
        if (positionalBroken.get()) {
            throw new IOException("simulated full disk");
        }
        return delegate.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
