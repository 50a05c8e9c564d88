package io.warren.broker.exchange;

import io.warren.broker.BrokerException;
import java.util.Locale;

/** The routing algorithms an exchange may use. */
public enum ExchangeType {
    /** Routes to bindings whose key equals the routing key. */
    DIRECT,
    /** Routes to every binding. */
    FANOUT,
    /** Routes by dotted-word patterns with {@code *} (one word) and {@code #} (zero or more words). */
    TOPIC,
    /** Routes by matching message headers against binding arguments ({@code x-match}). */
    HEADERS;

    /** The lower-case AMQP name ({@code direct}, {@code fanout}, {@code topic}, {@code headers}). */
    public String amqpName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an AMQP type name, case-insensitively; an unknown name is an {@code INVALID_ARGUMENT} error. */
    public static ExchangeType fromName(String name) {
        if (name != null) {
            for (ExchangeType t : values()) {
                if (t.amqpName().equalsIgnoreCase(name)) {
                    return t;
                }
            }
        }
        throw BrokerException.invalidArgument("unknown exchange type '" + name
                + "': expected direct, fanout, topic or headers");
    }
}
