package io.warren.server.management.api;

import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.Delivery;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.MessageMover;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.User;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.JsonBody;
import io.warren.server.management.http.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Taking and moving a queue's messages.
 *
 * <p>{@code POST /api/queues/{vhost}/{name}/get} with {@code count} (default 1), {@code ackmode} (see {@link
 * AckMode}, required), {@code encoding} ({@code auto}: text as a string, other bodies in base64; or {@code
 * base64}; default auto) and {@code truncate} (bytes, optional) answers the messages as {@link MessageView}s.
 * It needs read permission on the queue, as basic.get. The messages are taken with basic.get semantics on a
 * channel of an engine connection of its own ({@link EngineConnections}), settled together as the ack mode
 * says, and the connection is closed, so a failure midway puts every taken message back.
 *
 * <p>{@code POST /api/queues/{vhost}/{name}/move} with {@code destination} (a queue of the same vhost) and
 * {@code count} (default: the messages ready when the request arrives) moves messages with the engine's {@link
 * MessageMover}, which never loses one, and answers {@code {"moved": n}}. A Warren extension; it needs read
 * permission on the source queue and write permission on the default exchange, through which the mover
 * publishes to the destination. Thread-safe.
 */
final class QueueMessagesResource implements ApiResource {
    private static final String AUTO = "auto";

    private final VhostAccess vhosts;
    private final AccessControl access;

    QueueMessagesResource(ManagementContext context) {
        this.vhosts = new VhostAccess(context);
        this.access = context.accessControl();
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/queues/{vhost}/{name}/get", Access.MANAGEMENT, this::get)
                .post("/api/queues/{vhost}/{name}/move", Access.MANAGEMENT, this::move);
    }

    private ApiResponse get(ApiRequest request) {
        User user = request.user();
        VirtualHost vhost = vhosts.require(user, request.param("vhost"));
        String queue = QueuesResource.existing(vhost, request.param("name")).name();
        JsonBody body = request.json();
        long count = body.integer("count", 1, Integer.MAX_VALUE).orElse(1L);
        AckMode mode = AckMode.named(body.requiredString("ackmode"));
        String encoding = body.string("encoding").orElse(AUTO);
        if (!encoding.equals(AUTO) && !encoding.equals(Payloads.BASE64)) {
            throw ApiException.badRequest("field 'encoding' must be '" + AUTO + "' or '" + Payloads.BASE64
                    + "', got '" + encoding + "'");
        }
        long truncate = body.integer("truncate", 0, Long.MAX_VALUE).orElse(Long.MAX_VALUE);
        access.checkGet(user, vhost.name(), queue);
        List<MessageView> messages = new ArrayList<>();
        try (ClientConnection connection = EngineConnections.open(vhost)) {
            Channel channel = connection.createChannel();
            long lastTag = 0;
            long now = System.currentTimeMillis();
            while (messages.size() < count) {
                Delivery d = channel.get(queue, false, null);
                if (d == null) {
                    break;
                }
                lastTag = d.deliveryTag();
                messages.add(MessageView.of(d, ready(vhost, queue), encoding.equals(AUTO), truncate, now));
            }
            if (lastTag != 0) {
                mode.settle(channel, lastTag);
            }
        }
        return ApiResponse.ok(messages);
    }

    private ApiResponse move(ApiRequest request) {
        User user = request.user();
        VirtualHost vhost = vhosts.require(user, request.param("vhost"));
        String source = QueuesResource.existing(vhost, request.param("name")).name();
        JsonBody body = request.json();
        String destination = body.requiredString("destination");
        Long count = body.integer("count", 1, Integer.MAX_VALUE).orElse(null);
        QueuesResource.existing(vhost, destination);
        access.checkGet(user, vhost.name(), source);
        access.checkPublish(user, vhost.name(), VirtualHost.DEFAULT_EXCHANGE);
        int max = count != null ? count.intValue() : ready(vhost, source);
        int moved = max == 0 ? 0 : MessageMover.move(vhost, EngineConnections.CLIENT_NAME, source, destination,
                null, max);
        return ApiResponse.ok(Map.of("moved", moved));
    }

    /** The queue's ready messages now; 0 once it is gone. */
    private static int ready(VirtualHost vhost, String queue) {
        return vhost.queue(queue).map(q -> q.statistics().ready()).orElse(0);
    }
}
