package io.warren.server.management.api;

import io.warren.message.Message;
import io.warren.server.management.http.JsonBody;
import io.warren.server.amqp.codec.BasicProperties;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message's AMQP basic properties as the API writes them, RabbitMQ's {@code properties} object: {@code
 * delivery_mode} (1 or 2), {@code priority} (0 to 255), {@code timestamp} (seconds since the epoch), {@code
 * headers} (an object), and the strings {@code content_type}, {@code content_encoding}, {@code
 * correlation_id}, {@code reply_to}, {@code expiration} (a TTL in milliseconds), {@code message_id}, {@code
 * type}, {@code user_id}, {@code app_id} and {@code cluster_id}. They travel through the same {@link
 * BasicProperties} as over AMQP, so {@code io.warren.server.amqp.MessageMapping} turns them into a {@link
 * Message} and back exactly as for AMQP clients. Absent properties are left out. Stateless.
 */
final class MessageProperties {
    private static final int MAX_PRIORITY = Message.MAX_PRIORITY;

    private MessageProperties() {
    }

    /**
     * The properties in {@code json}.
     *
     * @throws io.warren.server.management.http.ApiException 400 naming a property of the wrong type or out of
     *     range
     */
    static BasicProperties read(JsonBody json) {
        return BasicProperties.builder()
                .deliveryMode(json.integer("delivery_mode", 1, 2).map(Long::intValue).orElse(null))
                .priority(json.integer("priority", 0, MAX_PRIORITY).map(Long::intValue).orElse(null))
                .timestamp(json.integer("timestamp", 0, Long.MAX_VALUE / 1000).map(s -> new Date(s * 1000))
                        .orElse(null))
                .headers(json.has("headers") ? ArgumentTables.read(json, "headers") : null)
                .contentType(json.string("content_type").orElse(null))
                .contentEncoding(json.string("content_encoding").orElse(null))
                .correlationId(json.string("correlation_id").orElse(null))
                .replyTo(json.string("reply_to").orElse(null))
                .expiration(json.string("expiration").orElse(null))
                .messageId(json.string("message_id").orElse(null))
                .type(json.string("type").orElse(null))
                .userId(json.string("user_id").orElse(null))
                .appId(json.string("app_id").orElse(null))
                .clusterId(json.string("cluster_id").orElse(null))
                .build();
    }

    /** {@code p} as JSON fields, the absent ones left out. */
    static Map<String, Object> write(BasicProperties p) {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "content_type", p.contentType());
        put(json, "content_encoding", p.contentEncoding());
        put(json, "headers", p.headers() == null || p.headers().isEmpty() ? null : p.headers());
        put(json, "delivery_mode", p.deliveryMode());
        put(json, "priority", p.priority());
        put(json, "correlation_id", p.correlationId());
        put(json, "reply_to", p.replyTo());
        put(json, "expiration", p.expiration());
        put(json, "message_id", p.messageId());
        put(json, "timestamp", p.timestamp() == null ? null : p.timestamp().getTime() / 1000);
        put(json, "type", p.type());
        put(json, "user_id", p.userId());
        put(json, "app_id", p.appId());
        put(json, "cluster_id", p.clusterId());
        return json;
    }

    private static void put(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
