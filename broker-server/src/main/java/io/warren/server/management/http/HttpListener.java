package io.warren.server.management.http;

import io.warren.server.threads.NettyThreadFactory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A bound HTTP/1.1 listener: one acceptor thread and a few I/O threads of its own, requests aggregated up to a
 * size, connections closed after a period of silence, and each connection's requests handed to a fresh
 * handler from {@code handlers}. Shared by the management API and the Prometheus endpoint, which differ only
 * in that handler. {@link #close} is idempotent and may be called from any thread.
 */
public final class HttpListener implements AutoCloseable {
    private final String bindAddress;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpListener(String bindAddress, EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.bindAddress = bindAddress;
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    /**
     * Binds {@code bindAddress:port} (0 = a free port).
     *
     * @param name        names the threads ({@code warren-NAME-accept}, {@code warren-NAME-io}) and the error
     * @param maxBody     the largest request body accepted; larger ones get 413
     * @param idleSeconds how long a connection may stay silent before it is closed
     * @param ioThreads   I/O event loop threads
     * @throws IllegalStateException when the address cannot be bound; no thread is left behind
     */
    public static HttpListener bind(String name, String bindAddress, int port, int maxBody, int idleSeconds,
                                    int ioThreads, Supplier<ChannelHandler> handlers) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
                new NettyThreadFactory("warren-" + name + "-accept"), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioThreads,
                new NettyThreadFactory("warren-" + name + "-io"), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(0, 0, idleSeconds))
                                .addLast("http", new HttpServerCodec())
                                .addLast("aggregate", new HttpObjectAggregator(maxBody))
                                .addLast("handler", handlers.get());
                    }
                });
        try {
            Channel bound = bootstrap.bind(new InetSocketAddress(bindAddress, port)).syncUninterruptibly().channel();
            return new HttpListener(bindAddress, boss, workers, bound);
        } catch (Exception e) { // Netty rethrows the bind failure, a checked BindException, undeclared
            shutdown(boss, workers);
            throw new IllegalStateException("cannot listen on " + hostPort(bindAddress, port) + " for the " + name
                    + " HTTP listener: " + e.getMessage(), e);
        }
    }

    /** The bound port, or -1 once closed. */
    public int port() {
        return channel.isOpen() ? ((InetSocketAddress) channel.localAddress()).getPort() : -1;
    }

    /** {@code http://host:port/} of this listener. */
    public URI uri() {
        return URI.create("http://" + hostPort(bindAddress, port()) + "/");
    }

    static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Stops accepting and closes open connections and the threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutdown(boss, workers);
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
