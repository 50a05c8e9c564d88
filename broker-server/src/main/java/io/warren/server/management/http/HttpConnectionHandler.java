package io.warren.server.management.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty end of one HTTP connection: takes each aggregated request, copies it out of Netty's buffers and
 * has {@link HttpService} answer it on the executor, then writes the answer. Requests of one connection are
 * answered one after another, so pipelined requests get their responses in order; different connections run
 * in parallel. While a request is being answered the connection stops reading, which bounds what one client
 * can queue. Keep-alive follows the request ({@code Connection: close} or HTTP/1.0 without keep-alive closes
 * after the response); an idle connection is closed when the pipeline's idle-state handler says so.
 *
 * <p>One instance per channel. {@link #channelRead0} runs on the channel's event loop, which alone touches
 * {@code previous}; answers run on the executor. A full executor is answered with 503 and the connection
 * closed.
 */
public final class HttpConnectionHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnectionHandler.class);

    private final HttpService service;
    private final Executor executor;
    /** The answer of the connection's previous request; only the event loop reads and replaces it. */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    /** A handler answering with {@code service} on {@code executor}. */
    public HttpConnectionHandler(HttpService service, Executor executor) {
        this.service = service;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            FullHttpResponse response = service.error(ApiException.badRequest("malformed HTTP request: "
                    + request.decoderResult().cause().getMessage()));
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        RawRequest raw = RawRequest.copyOf(request, ctx.channel().remoteAddress());
        ctx.channel().config().setAutoRead(false);
        previous = previous
                .thenRunAsync(() -> respond(ctx, raw, keepAlive), executor)
                .handle((ignored, failure) -> {
                    if (failure != null) {
                        failed(ctx, failure);
                    }
                    return null;
                });
    }

    private void respond(ChannelHandlerContext ctx, RawRequest request, boolean keepAlive) {
        FullHttpResponse response = service.answer(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response).addListener(future -> ctx.channel().config().setAutoRead(true));
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void failed(ChannelHandlerContext ctx, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RejectedExecutionException) {
            FullHttpResponse busy = service.error(new ApiException(503, "service_unavailable",
                    "the management API is busy or shutting down; try again", Map.of()));
            ctx.writeAndFlush(busy).addListener(ChannelFutureListener.CLOSE);
        } else {
            LOG.warn("management API: answering a request from {} failed; closing the connection",
                    ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            // A slow answer (a large definitions import) is not idleness.
            if (previous.isDone()) {
                ctx.close();
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("management HTTP connection from {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
