package io.warren.server.amqp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.warren.broker.Broker;
import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.ConnectionDetails;
import io.warren.broker.security.User;
import io.warren.server.ServerSettings;
import io.warren.server.amqp.codec.AmqpCodecException;
import io.warren.server.amqp.codec.Frame;
import io.warren.server.amqp.codec.FrameDecoder;
import io.warren.server.amqp.codec.FrameTypes;
import io.warren.server.amqp.codec.ProtocolHeader;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.AmqpMethod;
import io.warren.server.amqp.method.ChannelOpen;
import io.warren.server.amqp.method.ChannelOpenOk;
import io.warren.server.amqp.method.ConnectionBlocked;
import io.warren.server.amqp.method.ConnectionClose;
import io.warren.server.amqp.method.ConnectionCloseOk;
import io.warren.server.amqp.method.ConnectionUnblocked;
import io.warren.server.amqp.method.FrameWriter;
import io.warren.server.amqp.method.MethodCodec;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's AMQP 0-9-1 connection: the handshake ({@link ConnectionHandshake}), its channels, heartbeats,
 * flow control and closing. Every method runs on the connection's Netty event loop, in the order frames
 * arrive; nothing here blocks that thread. Engine work that may wait for the store runs on the server's
 * blocking executor while the connection is <em>suspended</em> — it stops reading and holds further frames
 * — so the order of operations stays the order the client sent them. The same suspension holds publishers
 * while the broker is short of memory ({@code connection.blocked}).
 */
public final class AmqpConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpConnection.class);
    private static final long CLOSE_OK_TIMEOUT_SECONDS = 5;
    private static final long FRAMING_ERROR_LINGER_MILLIS = 500;

    private final ServerContext server;
    private final ServerSettings settings;
    private final FrameDecoder decoder;
    private final Map<Integer, AmqpChannel> channels = new ConcurrentHashMap<>();
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ConnectionHandshake handshake;
    private DeliveryOutbox outbox;
    private ClientConnection engine;
    private VirtualHost virtualHost;
    private User user;
    private ConnectionCapabilities capabilities = ConnectionCapabilities.NONE;
    private String name;
    private int channelMax;
    private int frameMax;
    private int suspensions;
    private boolean publishBlocked;
    private boolean closing;
    private boolean closed;
    private final Runnable capacityListener = () -> {
        ChannelHandlerContext c = ctx;
        if (c != null) {
            c.executor().execute(this::capacityReturned);
        }
    };

    public AmqpConnection(ServerContext server, FrameDecoder decoder) {
        this.server = server;
        this.settings = server.settings();
        this.decoder = decoder;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        this.name = String.valueOf(context.channel().remoteAddress()) + " -> "
                + context.channel().localAddress();
        this.handshake = new ConnectionHandshake(this, server);
        this.outbox = new DeliveryOutbox(this, context);
        decoder.setMaxFrameSize(settings.frameMax());
        server.connections().add(this);
        handshake.start(context.executor().schedule(this::handshakeTimedOut,
                settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS));
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        release("connection lost");
        context.fireChannelInactive();
    }

    /** Frees everything the connection holds in the engine: channels, consumers, exclusive queues. */
    private void release(String why) {
        if (closed) {
            return;
        }
        closed = true;
        server.connections().remove(this);
        server.alarms().removeListener(capacityListener);
        for (AmqpChannel ch : channels.values()) {
            ch.release();
        }
        channels.clear();
        for (Runnable r : held) {
            if (r instanceof HeldFrame f) {
                f.frame.release();
            }
        }
        held.clear();
        if (engine != null) {
            engine.close();
        }
        handshake.cancelTimer();
        if (user != null) {
            LOG.info("AMQP connection closed: {}, user '{}', vhost '{}': {}", name, user.name(),
                    virtualHost == null ? "" : virtualHost.name(), why);
        } else {
            LOG.debug("connection {} closed before it opened: {}", name, why);
        }
    }

    private void handshakeTimedOut() {
        if (engine == null && !closed) {
            LOG.warn("closing connection {}: no connection.open within {} ms", name,
                    settings.handshakeTimeout().toMillis());
            ctx.close();
        }
    }

    // ---- inbound -------------------------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof ProtocolHeader header) {
            handshake.protocolHeader(header);
            return;
        }
        Frame frame = (Frame) msg;
        if (suspensions > 0 && !closing) {
            held.add(new HeldFrame(frame));
            return;
        }
        process(frame);
    }

    /** A frame that arrived while the connection was suspended; it runs, in order, on resumption. */
    private final class HeldFrame implements Runnable {
        final Frame frame;

        HeldFrame(Frame frame) {
            this.frame = frame;
        }

        @Override
        public void run() {
            process(frame);
        }
    }

    private void process(Frame frame) {
        try {
            // Once the server has sent connection.close it is released (closed) but still waits for close-ok.
            if (closed && !closing) {
                return;
            }
            if (frame.type() == FrameTypes.HEARTBEAT) {
                if (frame.channel() != 0) {
                    throw AmqpException.connection(ReplyCodes.FRAME_ERROR, "heartbeat frame on channel "
                            + frame.channel() + "; heartbeats belong on channel 0");
                }
                return;
            }
            if (frame.channel() == 0) {
                if (frame.type() != FrameTypes.METHOD) {
                    throw AmqpException.connection(ReplyCodes.UNEXPECTED_FRAME, "content frame on channel 0");
                }
                AmqpMethod method = MethodCodec.decode(frame.payload());
                if (closing) {
                    closingMethod(method);
                } else {
                    handshake.method(method);
                }
                return;
            }
            if (closing) {
                return;
            }
            if (engine == null) {
                throw AmqpException.connection(ReplyCodes.UNEXPECTED_FRAME, "frame on channel " + frame.channel()
                        + " before the connection was opened");
            }
            channelFrame(frame);
        } catch (AmqpCodecException e) {
            connectionError(AmqpException.connection(e.replyCode(), e.getMessage()));
        } catch (AmqpException e) {
            connectionError(e);
        } catch (RuntimeException e) {
            LOG.error("internal error on connection {}", name, e);
            connectionError(AmqpException.connection(ReplyCodes.INTERNAL_ERROR, "internal error: " + e));
        } finally {
            frame.release();
        }
    }

    private void channelFrame(Frame frame) {
        int number = frame.channel();
        if (number > channelMax) {
            // RabbitMQ refuses a channel beyond the negotiated channel_max with NOT_ALLOWED.
            throw AmqpException.connection(ReplyCodes.NOT_ALLOWED, "channel " + number
                    + " is above the negotiated channel_max " + channelMax);
        }
        AmqpChannel ch = channels.get(number);
        if (ch == null) {
            if (frame.type() != FrameTypes.METHOD) {
                throw AmqpException.connection(ReplyCodes.CHANNEL_ERROR, "content frame on channel " + number
                        + ", which is not open");
            }
            AmqpMethod method = MethodCodec.decode(frame.payload());
            if (!(method instanceof ChannelOpen)) {
                throw AmqpException.connection(ReplyCodes.CHANNEL_ERROR, "expected 'channel.open' on channel "
                        + number + ", got '" + method.name() + "'");
            }
            ch = new AmqpChannel(this, number, engine.createChannel());
            channels.put(number, ch);
            send(number, new ChannelOpenOk());
            return;
        }
        ch.frame(frame);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        for (AmqpChannel ch : channels.values()) {
            ch.readComplete();
        }
        context.flush();
        context.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (root instanceof AmqpCodecException e) {
            connectionError(AmqpException.connection(e.replyCode(), e.getMessage()));
            // The decoder discards everything after a framing error, so close-ok can never be read. Keep reading
            // (and discarding) for a moment before closing: closing with the client's bytes unread would reset
            // the connection and could destroy the connection.close the client has yet to read.
            context.executor().schedule(() -> {
                context.close();
            }, FRAMING_ERROR_LINGER_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        if (root instanceof java.io.IOException) {
            LOG.debug("connection {}: {}", name, root.toString());
        } else {
            LOG.warn("connection {} failed", name, root);
        }
        context.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                ByteBuf buf = context.alloc().buffer(8);
                FrameWriter.writeHeartbeat(buf);
                context.writeAndFlush(buf);
            } else if (idle.state() == IdleState.READER_IDLE && suspensions == 0) {
                LOG.warn("closing connection {}: missed heartbeats from the client", name);
                context.close();
            }
            return;
        }
        context.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        outbox.writabilityChanged(context.channel().isWritable());
        context.fireChannelWritabilityChanged();
    }

    // ---- called by the handshake -----------------------------------------------------------------------------

    void tuned(int negotiatedChannelMax, int negotiatedFrameMax, int heartbeat) {
        this.channelMax = negotiatedChannelMax;
        this.frameMax = negotiatedFrameMax;
        decoder.setMaxFrameSize(negotiatedFrameMax);
        if (heartbeat > 0) {
            ctx.pipeline().addBefore(ctx.name(), "heartbeat",
                    new IdleStateHandler(heartbeat * 2L, heartbeat, 0, TimeUnit.SECONDS));
        }
    }

    void opened(User authenticated, VirtualHost host, Map<String, Object> clientProperties) {
        this.user = authenticated;
        this.virtualHost = host;
        this.capabilities = ConnectionCapabilities.from(clientProperties);
        Object connectionName = clientProperties == null ? null : clientProperties.get("connection_name");
        String clientName = (connectionName != null ? connectionName : name) + " (" + authenticated.name() + ")";
        this.engine = host.connect(clientName);
        engine.setDetails(details(authenticated, clientProperties));
        engine.onBrokerClose(reason -> ctx.executor().execute(() -> close(ReplyCodes.CONNECTION_FORCED, reason)));
        LOG.info("AMQP connection opened: {}, user '{}', vhost '{}'{}", name, authenticated.name(), host.name(),
                connectionName == null ? "" : ", client '" + connectionName + "'");
    }

    private ConnectionDetails details(User authenticated, Map<String, Object> clientProperties) {
        java.net.InetSocketAddress peer = (java.net.InetSocketAddress) ctx.channel().remoteAddress();
        java.net.InetSocketAddress local = (java.net.InetSocketAddress) ctx.channel().localAddress();
        return new ConnectionDetails("AMQP 0-9-1", authenticated.name(), peer.getAddress().getHostAddress(),
                peer.getPort(), local.getAddress().getHostAddress(), local.getPort(), clientProperties,
                System.currentTimeMillis());
    }

    // ---- suspension: blocking work and memory flow control ---------------------------------------------------

    /** Stops processing frames (and reading) until a matching {@link #resume()}. */
    void suspend() {
        if (suspensions++ == 0) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /** Processes the frames held meanwhile, in order, then reads again. */
    void resume() {
        if (--suspensions > 0 || closed) {
            return;
        }
        while (suspensions == 0 && !held.isEmpty() && !closed) {
            held.poll().run();
        }
        if (suspensions == 0 && !closed) {
            ctx.channel().config().setAutoRead(true);
            ctx.flush();
        }
    }

    /**
     * Runs engine work that may wait (store writes of durable declarations) on the blocking executor, with the
     * connection suspended; {@code done} runs on the event loop with the result or the failure.
     */
    <T> void offload(Supplier<T> work, java.util.function.BiConsumer<T, RuntimeException> done) {
        suspend();
        Executor blocking = server.blockingExecutor();
        blocking.execute(() -> {
            T result = null;
            RuntimeException failure = null;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            T r = result;
            RuntimeException f = failure;
            ctx.executor().execute(() -> {
                try {
                    if (!closed) {
                        done.accept(r, f);
                    }
                } finally {
                    resume();
                }
            });
        });
    }

    /**
     * Called before a publish: when the broker is short of memory or disk, holds the connection (the publish itself
     * waits as {@code retry}) and tells the client it is blocked, as RabbitMQ does.
     *
     * @return true when the publish may go ahead now
     */
    boolean admitPublish(Runnable retry) {
        if (server.alarms().publishingAllowed()) {
            return true;
        }
        held.addFirst(retry);
        if (!publishBlocked) {
            publishBlocked = true;
            suspend();
            if (capabilities.connectionBlocked()) {
                send(0, new ConnectionBlocked(server.alarms().reason()));
                ctx.flush();
            }
            server.alarms().addListener(capacityListener);
            if (server.alarms().publishingAllowed()) {
                capacityReturned();
            }
        }
        // Already blocked: the one memory suspension holds this publish too until capacity returns.
        return false;
    }

    private void capacityReturned() {
        if (!publishBlocked || closed || !server.alarms().publishingAllowed()) {
            return;
        }
        publishBlocked = false;
        server.alarms().removeListener(capacityListener);
        if (capabilities.connectionBlocked()) {
            send(0, new ConnectionUnblocked());
        }
        resume();
    }

    // ---- outbound ------------------------------------------------------------------------------------------

    /**
     * Writes a method frame (flushed at the end of the read batch or by {@link #flush()}), after any
     * deliveries the engine made before it.
     */
    void send(int channel, AmqpMethod method) {
        if (outbox != null) {
            outbox.drain();
        }
        sendDirect(channel, method);
    }

    /** Writes a method frame now, ahead of queued deliveries (the outbox itself uses this). */
    void sendDirect(int channel, AmqpMethod method) {
        ByteBuf buf = ctx.alloc().buffer(64);
        try {
            FrameWriter.writeMethod(buf, channel, method);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        ctx.write(buf, ctx.voidPromise());
    }

    /** Writes whole frames after any deliveries the engine made before them. */
    void writeOrdered(ByteBuf frames) {
        outbox.drain();
        ctx.write(frames, ctx.voidPromise());
    }

    /** Runs a task on this connection's event loop. */
    void execute(Runnable task) {
        ctx.executor().execute(task);
    }

    void flush() {
        ctx.flush();
    }

    ByteBuf alloc(int capacity) {
        return ctx.alloc().buffer(capacity);
    }

    /** Writes the last bytes of the connection and closes the socket once they are out. */
    void writeAndClose(ByteBuf last) {
        closing = true;
        ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
        release("closed");
    }

    /** Closes the socket without a close method (failed login of a client that cannot take one). */
    void closeSilently(String why) {
        LOG.warn("closing connection {}: {}", name, why);
        closing = true;
        ctx.close();
        release(why);
    }

    // ---- errors and closing ----------------------------------------------------------------------------------

    /** Reports a connection exception: {@code connection.close}, then the socket closes on close-ok. */
    void connectionError(AmqpException e) {
        LOG.warn("connection {} error: {}", name, e.replyText());
        close(e.replyCode(), e.replyText(), e.classId(), e.methodId());
    }

    void close(int replyCode, String replyText) {
        close(replyCode, replyText, 0, 0);
    }

    private void close(int replyCode, String replyText, int classId, int methodId) {
        if (closing || closed) {
            return;
        }
        closing = true;
        if (handshake.sentStart()) {
            send(0, new ConnectionClose(replyCode, truncate(replyText), classId, methodId));
            ctx.flush();
            // Read again even if suspended, so close-ok arrives and the socket closes at once.
            ctx.channel().config().setAutoRead(true);
            ScheduledFuture<?> timer = ctx.executor().schedule(() -> {
                ctx.close();
            }, CLOSE_OK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ctx.channel().closeFuture().addListener(f -> timer.cancel(false));
        } else {
            ctx.close();
        }
        release(replyText);
    }

    private static String truncate(String text) {
        return io.warren.server.amqp.codec.AmqpStrings.truncateToShortstr(text);
    }

    /** While closing only close-ok (or the client's own close) matters. */
    private void closingMethod(AmqpMethod method) {
        if (method instanceof ConnectionCloseOk) {
            ctx.close();
        } else if (method instanceof ConnectionClose) {
            send(0, new ConnectionCloseOk());
            ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The client closed the connection: release everything, confirm, close the socket. */
    void clientClosed() {
        closing = true;
        release("closed by client");
        send(0, new ConnectionCloseOk());
        ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** The server is stopping: tell the client with 320 CONNECTION_FORCED. */
    public void forceClose(String reason) {
        ctx.executor().execute(() -> close(ReplyCodes.CONNECTION_FORCED, reason));
    }

    /** Completes when the socket is closed. */
    public io.netty.channel.ChannelFuture closeFuture() {
        return ctx.channel().closeFuture();
    }

    void channelClosed(int number) {
        channels.remove(number);
    }

    // ---- accessors for the channel ---------------------------------------------------------------------------

    ServerContext server() {
        return server;
    }

    ClientConnection engine() {
        return engine;
    }

    VirtualHost virtualHost() {
        return virtualHost;
    }

    User user() {
        return user;
    }

    ConnectionCapabilities capabilities() {
        return capabilities;
    }

    int frameMax() {
        return frameMax;
    }

    DeliveryOutbox outbox() {
        return outbox;
    }

    Iterable<AmqpChannel> channels() {
        return channels.values();
    }

    boolean isClosed() {
        return closed || closing;
    }

    SocketAddress remoteAddress() {
        return ctx.channel().remoteAddress();
    }

    Broker broker() {
        return server.broker();
    }

    @Override
    public String toString() {
        return "AMQP connection " + name;
    }
}
