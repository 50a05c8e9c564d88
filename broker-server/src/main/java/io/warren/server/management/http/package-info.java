/**
 * The HTTP/1.1 plumbing of the management API, independent of what the API offers: a {@link
 * io.warren.server.management.http.Routes} table of method and path template ({@code /api/vhosts/{vhost}},
 * each segment URL-decoded), HTTP Basic authentication against the {@code UserStore} with RabbitMQ's tag
 * rules ({@link io.warren.server.management.http.Access}), JSON bodies read with Jackson ({@link
 * io.warren.server.management.http.JsonBody}), the error replies ({@link
 * io.warren.server.management.http.ApiException}) and the console's static files.
 *
 * <p>{@link io.warren.server.management.http.HttpConnectionHandler} is the Netty side: it copies each
 * request off the event loop to an executor, where {@link io.warren.server.management.http.HttpService}
 * answers it, and writes the answers back in request order. Handlers never see Netty buffers.
 */
package io.warren.server.management.http;
