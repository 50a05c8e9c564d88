package io.warren.server.amqp.codec;

import java.util.Date;
import java.util.Map;

/**
 * The fourteen properties of a {@code basic} content header, in wire order. Every component may be
 * {@code null}, meaning the property is absent (its presence bit is clear).
 *
 * <p>{@code deliveryMode} and {@code priority} are octets (0..255; encoding fails outside that range);
 * {@code timestamp} travels as whole seconds, so milliseconds are lost on the wire. The record is immutable
 * apart from the {@code headers} map, which is kept as given and must not be changed while shared.
 */
public record BasicProperties(String contentType, String contentEncoding, Map<String, Object> headers,
                              Integer deliveryMode, Integer priority, String correlationId, String replyTo,
                              String expiration, String messageId, Date timestamp, String type, String userId,
                              String appId, String clusterId) {

    /** No properties at all. */
    public static final BasicProperties EMPTY = builder().build();

    /** A builder with every property absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these properties. */
    public Builder toBuilder() {
        return new Builder().contentType(contentType).contentEncoding(contentEncoding).headers(headers)
                .deliveryMode(deliveryMode).priority(priority).correlationId(correlationId).replyTo(replyTo)
                .expiration(expiration).messageId(messageId).timestamp(timestamp).type(type).userId(userId)
                .appId(appId).clusterId(clusterId);
    }

    /** Collects properties for a {@link BasicProperties}; not thread-safe. */
    public static final class Builder {
        private String contentType;
        private String contentEncoding;
        private Map<String, Object> headers;
        private Integer deliveryMode;
        private Integer priority;
        private String correlationId;
        private String replyTo;
        private String expiration;
        private String messageId;
        private Date timestamp;
        private String type;
        private String userId;
        private String appId;
        private String clusterId;

        private Builder() {
        }

        public Builder contentType(String value) {
            contentType = value;
            return this;
        }

        public Builder contentEncoding(String value) {
            contentEncoding = value;
            return this;
        }

        public Builder headers(Map<String, Object> value) {
            headers = value;
            return this;
        }

        public Builder deliveryMode(Integer value) {
            deliveryMode = value;
            return this;
        }

        public Builder priority(Integer value) {
            priority = value;
            return this;
        }

        public Builder correlationId(String value) {
            correlationId = value;
            return this;
        }

        public Builder replyTo(String value) {
            replyTo = value;
            return this;
        }

        public Builder expiration(String value) {
            expiration = value;
            return this;
        }

        public Builder messageId(String value) {
            messageId = value;
            return this;
        }

        public Builder timestamp(Date value) {
            timestamp = value;
            return this;
        }

        public Builder type(String value) {
            type = value;
            return this;
        }

        public Builder userId(String value) {
            userId = value;
            return this;
        }

        public Builder appId(String value) {
            appId = value;
            return this;
        }

        public Builder clusterId(String value) {
            clusterId = value;
            return this;
        }

        public BasicProperties build() {
            return new BasicProperties(contentType, contentEncoding, headers, deliveryMode, priority,
                    correlationId, replyTo, expiration, messageId, timestamp, type, userId, appId, clusterId);
        }
    }
}
