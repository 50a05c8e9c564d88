package io.warren.jms.destination;

import jakarta.jms.InvalidDestinationException;
import java.nio.charset.StandardCharsets;

/**
 * The length limit on what a destination becomes in the broker: queue and exchange names, routing and binding
 * keys are at most {@value #MAX_BYTES} bytes in UTF-8, AMQP 0-9-1's short string. The broker enforces it too; the
 * provider checks first so that an over-long name fails the same way, with {@link InvalidDestinationException},
 * over every transport (the AMQP client would otherwise fail to encode it) and before anything is declared.
 */
public final class NameLimits {
    /** The longest name or key, in UTF-8 bytes. */
    public static final int MAX_BYTES = 255;
    /** Names of at most this many chars are within the limit whatever they hold (3 bytes per char). */
    private static final int ALWAYS_SHORT_ENOUGH = MAX_BYTES / 3;
    private static final int SHOWN = 40;

    private NameLimits() {
    }

    /** Fails when the destination's queue name, exchange, routing key or binding key is too long. */
    public static void check(WarrenDestination d) throws InvalidDestinationException {
        check("exchange", d.exchange(), d);
        check("routing key", d.routingKey(), d);
        check("binding key", d.bindingKey(), d);
    }

    /** Fails when {@code name} (a queue name, subscription queue name, key) is too long; null is fine. */
    public static void check(String what, String name) throws InvalidDestinationException {
        check(what, name, null);
    }

    private static void check(String what, String value, WarrenDestination d) throws InvalidDestinationException {
        if (value == null || value.length() <= ALWAYS_SHORT_ENOUGH) {
            return;
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            String named = d == null ? what : d.isQueue() ? "queue name" : "topic name";
            String subject = d == null || value.equals(d.name()) ? named
                    : what + " of " + d.toUri().substring(0, SHOWN) + "...";
            throw new InvalidDestinationException(subject + " '" + value.substring(0, SHOWN) + "...' is " + bytes
                    + " bytes long; queue and exchange names and routing keys are limited to " + MAX_BYTES
                    + " bytes in UTF-8 (AMQP 0-9-1's short string), on every transport: use a shorter name");
        }
    }
}
