package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.ClientConnection;
import io.warren.broker.PublishResult;
import io.warren.broker.VirtualHost;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.User;
import io.warren.message.Message;
import io.warren.server.amqp.AmqpException;
import io.warren.server.amqp.MessageMapping;
import io.warren.server.amqp.codec.BasicProperties;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.JsonBody;
import io.warren.server.management.http.Routes;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/exchanges/{vhost}/{name}/publish}: publishes one message, as RabbitMQ's API does for tests
 * and operators. The body has {@code routing_key} and {@code payload} (required), {@code payload_encoding}
 * ({@code string}, the default, or {@code base64}) and {@code properties} (see {@link MessageProperties}). The
 * message is built from those properties by the AMQP server's own {@link MessageMapping}, so it is the message
 * an AMQP client publishing the same properties makes, and published on a channel of an engine connection of
 * the API's own ({@link EngineConnections}). The answer is {@code {"routed": true}} once the message is in its
 * queues (durably, when persistent and the queue is durable), {@code false} when no queue took it (no binding
 * matched, or a full queue with {@code reject-publish} refused it).
 *
 * <p>It needs write permission on the exchange, as basic.publish; a {@code user_id} other than the user's own
 * is refused (400) as RabbitMQ refuses it; an internal exchange refuses publishes (403). While the memory alarm
 * holds publishers back the answer is 503 rather than a wait that would tie up the API's threads.
 * Thread-safe.
 */
final class ExchangePublishResource implements ApiResource {
    private static final long PUBLISH_TIMEOUT_SECONDS = 10;

    private final Broker broker;
    private final VhostAccess vhosts;
    private final AccessControl access;

    ExchangePublishResource(ManagementContext context) {
        this.broker = context.broker();
        this.vhosts = new VhostAccess(context);
        this.access = context.accessControl();
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/exchanges/{vhost}/{name}/publish", Access.MANAGEMENT, this::publish);
    }

    private ApiResponse publish(ApiRequest request) throws InterruptedException {
        User user = request.user();
        VirtualHost vhost = vhosts.require(user, request.param("vhost"));
        String exchange = ExchangesResource.existing(vhost, request.param("name")).name();
        JsonBody body = request.json();
        String routingKey = body.requiredString("routing_key");
        byte[] payload = Payloads.decode(body.requiredString("payload"),
                body.string("payload_encoding").orElse(Payloads.STRING));
        BasicProperties properties = body.nested("properties").map(MessageProperties::read)
                .orElse(BasicProperties.EMPTY);
        access.checkPublish(user, vhost.name(), exchange);
        if (properties.userId() != null && !properties.userId().equals(user.name())) {
            throw ApiException.badRequest("user_id property set to '" + properties.userId()
                    + "' but the authenticated user is '" + user.name() + "'");
        }
        Message message = toMessage(properties, payload);
        if (!broker.memory().hasCapacity()) {
            throw new ApiException(503, "resource_alarm", "the memory alarm is in effect: publishers are held back "
                    + "until queued messages are consumed", Map.of());
        }
        PublishResult result;
        try (ClientConnection connection = EngineConnections.open(vhost)) {
            // Not waiting for memory: checked above, and an API thread must not wait on consumers.
            result = connection.createChannel().publish(exchange, routingKey, message, false)
                    .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // The engine's error (a store failure, a queue deleted meanwhile) is translated by its code.
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("publish failed", e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(503, "timeout", "the message was not confirmed stored within "
                    + PUBLISH_TIMEOUT_SECONDS + " s; it may still arrive", Map.of());
        }
        return ApiResponse.ok(Map.of("routed", result == PublishResult.ROUTED));
    }

    private static Message toMessage(BasicProperties properties, byte[] payload) {
        try {
            return MessageMapping.toMessage(properties, payload, System.currentTimeMillis());
        } catch (AmqpException e) {
            // A malformed expiration: the reason says what is expected.
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
