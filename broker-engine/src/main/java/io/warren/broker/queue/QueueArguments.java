package io.warren.broker.queue;

import io.warren.broker.BrokerException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The validated {@code x-} arguments of a queue. Unknown arguments are kept but ignored, as RabbitMQ does;
 * a known argument of the wrong type or out of range is an {@code INVALID_ARGUMENT} error naming it.
 */
public final class QueueArguments {
    public static final String MESSAGE_TTL = "x-message-ttl";
    public static final String EXPIRES = "x-expires";
    public static final String MAX_LENGTH = "x-max-length";
    public static final String MAX_LENGTH_BYTES = "x-max-length-bytes";
    public static final String OVERFLOW = "x-overflow";
    public static final String DEAD_LETTER_EXCHANGE = "x-dead-letter-exchange";
    public static final String DEAD_LETTER_ROUTING_KEY = "x-dead-letter-routing-key";
    public static final String MAX_PRIORITY = "x-max-priority";
    public static final String DELIVERY_LIMIT = "x-delivery-limit";

    /** Arguments under this prefix are part of a queue's definition, compared on redeclaration. */
    public static final String DEFINITION_PREFIX = "x-jms-";
    private static final String[] KNOWN = {MESSAGE_TTL, EXPIRES, MAX_LENGTH, MAX_LENGTH_BYTES, OVERFLOW,
        DEAD_LETTER_EXCHANGE, DEAD_LETTER_ROUTING_KEY, MAX_PRIORITY, DELIVERY_LIMIT};

    private final Map<String, Object> raw;
    private final long messageTtl;
    private final long expires;
    private final long maxLength;
    private final long maxLengthBytes;
    private final Overflow overflow;
    private final String deadLetterExchange;
    private final String deadLetterRoutingKey;
    private final int maxPriority;
    private final long deliveryLimit;

    private QueueArguments(String queue, Map<String, Object> raw) {
        this.raw = raw;
        this.messageTtl = integral(queue, MESSAGE_TTL, 0, -1);
        this.expires = integral(queue, EXPIRES, 1, -1);
        this.maxLength = integral(queue, MAX_LENGTH, 0, -1);
        this.maxLengthBytes = integral(queue, MAX_LENGTH_BYTES, 0, -1);
        Object o = raw.get(OVERFLOW);
        this.overflow = o == null ? Overflow.DROP_HEAD : Overflow.fromArgument(queue, o);
        this.deadLetterExchange = string(queue, DEAD_LETTER_EXCHANGE);
        this.deadLetterRoutingKey = string(queue, DEAD_LETTER_ROUTING_KEY);
        if (deadLetterRoutingKey != null && deadLetterExchange == null) {
            throw BrokerException.invalidArgument("queue '" + queue + "' sets " + DEAD_LETTER_ROUTING_KEY
                    + " without " + DEAD_LETTER_EXCHANGE);
        }
        long p = integral(queue, MAX_PRIORITY, 0, -1);
        if (p > 255) {
            throw BrokerException.invalidArgument("invalid " + MAX_PRIORITY + " " + p + " for queue '" + queue
                    + "': must be 0..255");
        }
        this.maxPriority = (int) p;
        this.deliveryLimit = integral(queue, DELIVERY_LIMIT, 0, -1);
    }

    /** Validates {@code arguments} for the queue named {@code queue}. */
    public static QueueArguments parse(String queue, Map<String, Object> arguments) {
        return new QueueArguments(queue, arguments == null ? Map.of() : Map.copyOf(arguments));
    }

    private long integral(String queue, String key, long min, long absent) {
        Object v = raw.get(key);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            throw BrokerException.invalidArgument("invalid " + key + " for queue '" + queue
                    + "': expected an integer, was " + v.getClass().getSimpleName() + " '" + v + "'");
        }
        long l = ((Number) v).longValue();
        if (l < min) {
            throw BrokerException.invalidArgument("invalid " + key + " " + l + " for queue '" + queue
                    + "': must be at least " + min);
        }
        return l;
    }

    private String string(String queue, String key) {
        Object v = raw.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw BrokerException.invalidArgument("invalid " + key + " for queue '" + queue
                    + "': expected a string, was " + v.getClass().getSimpleName());
        }
        return s;
    }

    /** The arguments as declared. */
    public Map<String, Object> raw() {
        return raw;
    }

    /** Per-queue message TTL in milliseconds, or -1. */
    public long messageTtl() {
        return messageTtl;
    }

    /** Milliseconds of disuse after which the queue is deleted, or -1. */
    public long expires() {
        return expires;
    }

    public long maxLength() {
        return maxLength;
    }

    public long maxLengthBytes() {
        return maxLengthBytes;
    }

    public Overflow overflow() {
        return overflow;
    }

    public String deadLetterExchange() {
        return deadLetterExchange;
    }

    public String deadLetterRoutingKey() {
        return deadLetterRoutingKey;
    }

    /** The highest priority level, or -1 when the queue ignores priorities. */
    public int maxPriority() {
        return maxPriority;
    }

    /** Deliveries allowed before the message is dead-lettered, or -1 for no limit. */
    public long deliveryLimit() {
        return deliveryLimit;
    }

    /**
     * The first known argument in which {@code other} differs, or null when they are equivalent
     * (for the precondition check on redeclaration). Besides the arguments the broker acts on, those under
     * {@value #DEFINITION_PREFIX} count: the JMS client keeps a subscription's definition (topic, selector,
     * no-local, shared) there, so that redeclaring a changed subscription is refused over any protocol.
     */
    public String firstDifference(QueueArguments other) {
        for (String k : KNOWN) {
            if (!same(raw.get(k), other.raw.get(k))) {
                return k;
            }
        }
        for (Map<String, Object> side : List.of(raw, other.raw)) {
            for (String k : side.keySet()) {
                if (k.startsWith(DEFINITION_PREFIX) && !same(raw.get(k), other.raw.get(k))) {
                    return k;
                }
            }
        }
        return null;
    }

    private static boolean same(Object a, Object b) {
        return a instanceof Number na && b instanceof Number nb ? na.longValue() == nb.longValue()
                : Objects.equals(a, b);
    }
}
