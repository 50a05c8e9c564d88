package io.warren.server.management.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.buffer.ByteBufUtil;
import java.net.SocketAddress;

/**
 * A request copied out of Netty's buffers on the event loop, so the executor thread that answers it holds no
 * reference-counted memory. Immutable apart from the body array, which only the answering thread reads.
 *
 * @param method the request method
 * @param uri the request target as sent: path and query, still percent-encoded
 * @param headers a copy of the request headers
 * @param body the body bytes, empty when there is none
 * @param remoteAddress the client's address
 */
record RawRequest(HttpMethod method, String uri, HttpHeaders headers, byte[] body, SocketAddress remoteAddress) {

    static RawRequest copyOf(FullHttpRequest request, SocketAddress remoteAddress) {
        return new RawRequest(request.method(), request.uri(), request.headers().copy(),
                ByteBufUtil.getBytes(request.content()), remoteAddress);
    }
}
