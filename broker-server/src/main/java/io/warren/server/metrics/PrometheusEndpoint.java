package io.warren.server.metrics;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.warren.server.management.http.HttpListener;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus scrape endpoint, as RabbitMQ's {@code rabbitmq_prometheus} plugin serves it: {@code GET
 * /metrics} on its own port (15692 by default), without authentication, in the Prometheus text format. Every
 * meter is per object (queue-level series included), like RabbitMQ's {@code /metrics/per-object}; that path
 * answers the same. Scrapes run on the listener's I/O thread: a scrape of a broker with 1,000 queues takes
 * tens of milliseconds.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);
    /** RabbitMQ's Prometheus port. */
    public static final int DEFAULT_PORT = 15692;
    private static final int IDLE_SECONDS = 120;

    private final HttpListener listener;

    private PrometheusEndpoint(HttpListener listener) {
        this.listener = listener;
    }

    /**
     * Serves {@code metrics} on {@code bindAddress:port} (0 = a free port).
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static PrometheusEndpoint start(PrometheusMetrics metrics, String bindAddress, int port) {
        HttpListener listener = HttpListener.bind("prometheus", bindAddress, port, 8192, IDLE_SECONDS, 1,
                () -> new ScrapeHandler(metrics));
        PrometheusEndpoint endpoint = new PrometheusEndpoint(listener);
        LOG.info("Prometheus metrics on {}", endpoint.uri().resolve("metrics"));
        return endpoint;
    }

    public int port() {
        return listener.port();
    }

    /** {@code http://host:port/}; the metrics are at {@code metrics} below it. */
    public URI uri() {
        return listener.uri();
    }

    @Override
    public void close() {
        listener.close();
    }

    /** Answers one connection's requests. */
    private static final class ScrapeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final PrometheusMetrics metrics;

        ScrapeHandler(PrometheusMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = new QueryStringDecoder(request.uri()).path();
            FullHttpResponse response;
            if (!path.equals("/metrics") && !path.equals("/metrics/") && !path.equals("/metrics/per-object")) {
                response = text(HttpResponseStatus.NOT_FOUND, "not found: the metrics are at /metrics\n");
            } else if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
                response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and HEAD\n");
                response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            } else {
                response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(metrics.scrape().getBytes(StandardCharsets.UTF_8)));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, metrics.contentType());
            }
            HttpUtil.setContentLength(response, response.content().readableBytes());
            if (request.method().equals(HttpMethod.HEAD)) {
                response = response.replace(Unpooled.EMPTY_BUFFER);
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private static FullHttpResponse text(HttpResponseStatus status, String body) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            return r;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("Prometheus endpoint connection failed", cause);
            ctx.close();
        }
    }
}
