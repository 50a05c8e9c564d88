package io.warren.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.warren.broker.Broker;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.UserStore;
import io.warren.server.amqp.AmqpConnection;
import io.warren.server.amqp.ServerContext;
import io.warren.server.amqp.codec.FrameDecoder;
import io.warren.server.flow.ResourceAlarms;
import io.warren.server.security.Authenticator;
import io.warren.server.threads.NettyThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMQP 0-9-1 listeners of a {@link Broker}: RabbitMQ's own clients (Java, pika, amqplib, PerfTest)
 * connect to it unchanged and share the broker's queues with in-JVM JMS clients.
 *
 * <pre>{@code
 * try (Broker broker = Broker.start(BrokerConfig.builder("b").build());
 *      AmqpServer server = AmqpServer.start(broker, ServerSettings.defaults(), UserStore.withDefaultGuest())) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Closing the server tells every client ({@code 320 CONNECTION_FORCED}) and stops the listeners; the
 * broker stays up and is closed by its owner.
 */
public final class AmqpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpServer.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService blocking;
    private final Set<AmqpConnection> connections = ConcurrentHashMap.newKeySet();
    private final ServerContext context;
    private final ResourceAlarms alarms;
    private io.netty.util.concurrent.ScheduledFuture<?> diskCheck;
    private Channel plain;
    private Channel tls;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private AmqpServer(Broker broker, ServerSettings settings, UserStore users) {
        this.boss = new MultiThreadIoEventLoopGroup(1, new NettyThreadFactory("warren-amqp-accept"),
                NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(0, new NettyThreadFactory("warren-amqp-io"),
                NioIoHandler.newFactory());
        this.blocking = Executors.newCachedThreadPool(new NettyThreadFactory("warren-amqp-blocking"));
        this.alarms = new ResourceAlarms(broker.memory(), broker.config().dataDirectory(), settings.diskFreeLimit());
        this.context = new ServerContext(broker, settings, new Authenticator(users), new AccessControl(users),
                blocking, connections, alarms);
        if (alarms.watchesDisk()) {
            alarms.checkDisk();
            diskCheck = boss.next().scheduleAtFixedRate(alarms::checkDisk, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Opens the listeners the settings ask for; fails (and releases everything) if a port cannot be bound. */
    public static AmqpServer start(Broker broker, ServerSettings settings, UserStore users) {
        UserStore own = broker.config().users();
        if (own != null && own != users) {
            // Two stores would let a user log in one way and not the other, or with two passwords.
            throw new IllegalArgumentException("broker '" + broker.name() + "' has its own user store, which"
                    + " in-JVM clients log in against; start the AMQP server with that one"
                    + " (broker.config().users()) so both check the same users");
        }
        AmqpServer server = new AmqpServer(broker, settings, users);
        try {
            server.bind();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void bind() {
        ServerSettings s = context.settings();
        if (s.port() != -1) {
            plain = listen(s.port(), false);
            LOG.info("AMQP 0-9-1 listener on {}", plain.localAddress());
        }
        if (s.tlsPort() != -1) {
            tls = listen(s.tlsPort(), true);
            LOG.info("AMQP 0-9-1 TLS listener (amqps) on {}", tls.localAddress());
        }
    }

    private Channel listen(int port, boolean withTls) {
        ServerSettings s = context.settings();
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 * 1024, 2 * 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (withTls) {
                            ch.pipeline().addLast("tls", s.sslContext().newHandler(ch.alloc()));
                        }
                        FrameDecoder decoder = new FrameDecoder();
                        ch.pipeline().addLast("frames", decoder);
                        ch.pipeline().addLast("amqp", new AmqpConnection(context, decoder));
                    }
                });
        try {
            return b.bind(new InetSocketAddress(s.bindAddress(), port)).syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the bind failure, a checked BindException, undeclared
            throw new IllegalStateException("cannot listen on " + s.bindAddress() + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    /** The bound plain AMQP port (useful with port 0), or -1 when that listener is off. */
    public int port() {
        return plain == null ? -1 : ((InetSocketAddress) plain.localAddress()).getPort();
    }

    /** The bound AMQPS port, or -1 when TLS is off. */
    public int tlsPort() {
        return tls == null ? -1 : ((InetSocketAddress) tls.localAddress()).getPort();
    }

    /** The interface the listeners are bound to, as configured ({@code 0.0.0.0} for all). */
    public String bindAddress() {
        return context.settings().bindAddress();
    }

    /**
     * The memory and disk alarms this server blocks publishers on; the management API reports them. Valid
     * until {@link #close}.
     */
    public ResourceAlarms alarms() {
        return alarms;
    }

    /** Connections currently open. */
    public int connectionCount() {
        return connections.size();
    }

    public Broker broker() {
        return context.broker();
    }

    /** Closes client connections with {@code 320 CONNECTION_FORCED}, then the listeners and threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (diskCheck != null) {
            diskCheck.cancel(false);
        }
        alarms.close();
        for (Channel listener : new Channel[] {plain, tls}) {
            if (listener != null) {
                listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
        }
        List<AmqpConnection> open = List.copyOf(connections);
        for (AmqpConnection c : open) {
            c.forceClose("broker is shutting down");
        }
        // Clients have a moment to answer close-ok; the event loops' shutdown closes whatever remains.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (AmqpConnection c : open) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                c.closeFuture().awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(left));
            }
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdownNow();
    }
}
