package io.warren.server.threads;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.warren.thread.WarrenThreads;

/**
 * Netty's thread factory (its {@code FastThreadLocalThread}s, which Netty's buffer pools need to cache per thread)
 * with what {@link WarrenThreads} gives every Warren thread: Warren's context class loader rather than the creating
 * thread's, and no application frames in the access control context. Netty's threads still inherit the creating
 * thread's {@link InheritableThreadLocal} values: event loop threads are created by Netty on first use, mostly from
 * Warren's own threads, and only the first acceptor thread from the thread that starts a listener. Daemon threads.
 */
public final class NettyThreadFactory extends DefaultThreadFactory {
    public NettyThreadFactory(String poolName) {
        super(poolName, true);
    }

    @Override
    protected Thread newThread(Runnable r, String name) {
        Thread t = WarrenThreads.privileged(() -> super.newThread(r, name));
        WarrenThreads.prepare(t);
        return t;
    }
}
