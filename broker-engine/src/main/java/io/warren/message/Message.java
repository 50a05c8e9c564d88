package io.warren.message;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message as the broker holds it: routing data, AMQP-style properties, application headers and a body of
 * bytes. Immutable once built; the same instance is shared by every queue it is routed to. Its binary form
 * ({@link MessageCodec}) is computed once and reused by the store.
 *
 * <p>Times ({@link #timestamp()}, {@link #expiration()}, {@link #deliveryTime()}) are absolute epoch
 * milliseconds, 0 meaning "not set".
 */
public final class Message {
    /** Highest priority a message may carry (AMQP allows 0..255; queues cap it with {@code x-max-priority}). */
    public static final int MAX_PRIORITY = 255;

    private final String exchange;
    private final String routingKey;
    private final boolean persistent;
    private final int priority;
    private final String messageId;
    private final String correlationId;
    private final String replyTo;
    private final String type;
    private final String contentType;
    private final String userId;
    private final String appId;
    private final String contentEncoding;
    private final String clusterId;
    private final long timestamp;
    private final long expiration;
    private final long deliveryTime;
    private final String origin;
    private final Map<String, Object> headers;
    private final byte[] body;
    private volatile byte[] encoded;

    private Message(Builder b) {
        this.exchange = b.exchange;
        this.routingKey = b.routingKey;
        this.persistent = b.persistent;
        this.priority = b.priority;
        this.messageId = b.messageId;
        this.correlationId = b.correlationId;
        this.replyTo = b.replyTo;
        this.type = b.type;
        this.contentType = b.contentType;
        this.userId = b.userId;
        this.appId = b.appId;
        this.contentEncoding = b.contentEncoding;
        this.clusterId = b.clusterId;
        this.timestamp = b.timestamp;
        this.expiration = b.expiration;
        this.deliveryTime = b.deliveryTime;
        this.origin = b.origin;
        this.headers = b.headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.exchange = exchange;
        b.routingKey = routingKey;
        b.persistent = persistent;
        b.priority = priority;
        b.messageId = messageId;
        b.correlationId = correlationId;
        b.replyTo = replyTo;
        b.type = type;
        b.contentType = contentType;
        b.userId = userId;
        b.appId = appId;
        b.contentEncoding = contentEncoding;
        b.clusterId = clusterId;
        b.timestamp = timestamp;
        b.expiration = expiration;
        b.deliveryTime = deliveryTime;
        b.origin = origin;
        b.headers.putAll(headers);
        b.body = body;
        return b;
    }

    /** The exchange the message was published to; set by the broker on publish. */
    public String exchange() {
        return exchange;
    }

    /** The routing key it was published with; set by the broker on publish. */
    public String routingKey() {
        return routingKey;
    }

    /** Whether the message must survive a broker restart when it sits in a durable queue. */
    public boolean persistent() {
        return persistent;
    }

    public int priority() {
        return priority;
    }

    public String messageId() {
        return messageId;
    }

    public String correlationId() {
        return correlationId;
    }

    public String replyTo() {
        return replyTo;
    }

    public String type() {
        return type;
    }

    public String contentType() {
        return contentType;
    }

    public String userId() {
        return userId;
    }

    public String appId() {
        return appId;
    }

    /** AMQP {@code content-encoding}; null when not set. */
    public String contentEncoding() {
        return contentEncoding;
    }

    /** AMQP's deprecated {@code cluster-id}, kept so AMQP clients get back what they sent; usually null. */
    public String clusterId() {
        return clusterId;
    }

    public long timestamp() {
        return timestamp;
    }

    /** Absolute expiration time in epoch milliseconds; 0 when the message never expires. */
    public long expiration() {
        return expiration;
    }

    /** Earliest time the message may be delivered (delivery delay); 0 when it may be delivered at once. */
    public long deliveryTime() {
        return deliveryTime;
    }

    /** Identifier of the connection that published the message, used for no-local consumers; may be null. */
    public String origin() {
        return origin;
    }

    /** Application headers (JMS properties); unmodifiable. */
    public Map<String, Object> headers() {
        return headers;
    }

    public Object header(String name) {
        return headers.get(name);
    }

    /** The body. The array is shared: callers must not modify it. */
    public byte[] body() {
        return body;
    }

    public int bodySize() {
        return body.length;
    }

    public boolean isExpired(long now) {
        return expiration != 0 && expiration <= now;
    }

    /** The binary form of this message, computed once. The array is shared: callers must not modify it. */
    public byte[] encoded() {
        byte[] e = encoded;
        if (e == null) {
            e = MessageCodec.encode(this);
            encoded = e;
        }
        return e;
    }

    /**
     * Drops the cached binary form once it has been written, so a queued persistent message does not keep
     * its body twice on the heap; a later {@link #encoded()} computes it again.
     */
    public void discardEncoded() {
        encoded = null;
    }

    /** Approximate heap cost of this message, used for {@code x-max-length-bytes} and memory accounting. */
    public long footprint() {
        return body.length + 64L * (headers.size() + 4);
    }

    @Override
    public String toString() {
        return "Message[id=" + messageId + ", exchange=" + exchange + ", routingKey=" + routingKey
                + ", persistent=" + persistent + ", priority=" + priority + ", headers=" + headers
                + ", body=" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Message m)) {
            return false;
        }
        return persistent == m.persistent && priority == m.priority && timestamp == m.timestamp
                && expiration == m.expiration && deliveryTime == m.deliveryTime
                && Objects.equals(exchange, m.exchange) && Objects.equals(routingKey, m.routingKey)
                && Objects.equals(messageId, m.messageId) && Objects.equals(correlationId, m.correlationId)
                && Objects.equals(replyTo, m.replyTo) && Objects.equals(type, m.type)
                && Objects.equals(contentType, m.contentType) && Objects.equals(userId, m.userId)
                && Objects.equals(appId, m.appId) && Objects.equals(origin, m.origin)
                && Objects.equals(contentEncoding, m.contentEncoding) && Objects.equals(clusterId, m.clusterId)
                && Values.deepEquals(headers, m.headers) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, routingKey, timestamp, Arrays.hashCode(body));
    }

    /** Builds a {@link Message}; a builder may be reused, each {@link #build()} copies its headers. */
    public static final class Builder {
        private static final byte[] EMPTY = new byte[0];

        private String exchange = "";
        private String routingKey = "";
        private boolean persistent;
        private int priority = 4;
        private String messageId;
        private String correlationId;
        private String replyTo;
        private String type;
        private String contentType;
        private String userId;
        private String appId;
        private String contentEncoding;
        private String clusterId;
        private long timestamp;
        private long expiration;
        private long deliveryTime;
        private String origin;
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private byte[] body = EMPTY;

        private Builder() {
        }

        public Builder exchange(String exchange) {
            this.exchange = exchange == null ? "" : exchange;
            return this;
        }

        public Builder routingKey(String routingKey) {
            this.routingKey = routingKey == null ? "" : routingKey;
            return this;
        }

        public Builder persistent(boolean persistent) {
            this.persistent = persistent;
            return this;
        }

        public Builder priority(int priority) {
            if (priority < 0 || priority > MAX_PRIORITY) {
                throw new IllegalArgumentException("priority must be 0.." + MAX_PRIORITY + ", was " + priority);
            }
            this.priority = priority;
            return this;
        }

        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        public Builder replyTo(String replyTo) {
            this.replyTo = replyTo;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        public Builder contentEncoding(String contentEncoding) {
            this.contentEncoding = contentEncoding;
            return this;
        }

        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        public Builder timestamp(long timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder expiration(long expiration) {
            if (expiration < 0) {
                throw new IllegalArgumentException("expiration must not be negative, was " + expiration);
            }
            this.expiration = expiration;
            return this;
        }

        public Builder deliveryTime(long deliveryTime) {
            if (deliveryTime < 0) {
                throw new IllegalArgumentException("delivery time must not be negative, was " + deliveryTime);
            }
            this.deliveryTime = deliveryTime;
            return this;
        }

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /** Sets a header; a null value removes it. The value must be a type {@link Values} accepts. */
        public Builder header(String name, Object value) {
            Objects.requireNonNull(name, "header name");
            if (value == null) {
                headers.remove(name);
            } else {
                Values.checkSupported(name, value);
                headers.put(name, value);
            }
            return this;
        }

        public Builder headers(Map<String, ?> values) {
            headers.clear();
            if (values != null) {
                values.forEach(this::header);
            }
            return this;
        }

        /**
         * Replaces the headers, keeping entries whose value is null (an AMQP field table's void value), which
         * {@link #header} would remove; such entries read as absent to selectors and JMS.
         */
        public Builder headersWithNulls(Map<String, ?> values) {
            headers.clear();
            if (values != null) {
                values.forEach((name, value) -> {
                    Objects.requireNonNull(name, "header name");
                    if (value != null) {
                        Values.checkSupported(name, value);
                    }
                    headers.put(name, value);
                });
            }
            return this;
        }

        public Builder body(byte[] body) {
            this.body = body == null ? EMPTY : body;
            return this;
        }

        public Message build() {
            return new Message(this);
        }
    }
}
