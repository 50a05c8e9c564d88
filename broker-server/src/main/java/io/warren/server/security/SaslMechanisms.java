package io.warren.server.security;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SASL mechanisms this server offers, in the order it announces them in {@code connection.start}
 * ({@link #announced()}, e.g. {@code "PLAIN AMQPLAIN"}, RabbitMQ's default order), and the lookup of the one
 * a client picks in {@code connection.start-ok}.
 *
 * <p>Immutable and thread-safe; one instance serves all connections.
 */
public final class SaslMechanisms {

    private final List<SaslMechanism> mechanisms;
    private final String announced;

    /**
     * Offers {@code mechanisms} in the given order.
     *
     * @throws IllegalArgumentException if the list is empty or two mechanisms share a name
     */
    public SaslMechanisms(List<? extends SaslMechanism> mechanisms) {
        this.mechanisms = List.copyOf(mechanisms);
        if (this.mechanisms.isEmpty()) {
            throw new IllegalArgumentException("at least one SASL mechanism must be offered");
        }
        if (this.mechanisms.stream().map(SaslMechanism::name).distinct().count() != this.mechanisms.size()) {
            throw new IllegalArgumentException("SASL mechanism names must be unique");
        }
        this.announced = this.mechanisms.stream().map(SaslMechanism::name).collect(Collectors.joining(" "));
    }

    /** {@code PLAIN} then {@code AMQPLAIN}. */
    public static SaslMechanisms standard() {
        return new SaslMechanisms(List.of(new PlainMechanism(), new AmqPlainMechanism()));
    }

    /** The mechanisms in announcement order. */
    public List<SaslMechanism> all() {
        return mechanisms;
    }

    /** The space-separated names for the {@code mechanisms} field of {@code connection.start}. */
    public String announced() {
        return announced;
    }

    /**
     * The mechanism named {@code name} (case-sensitive, as SASL names are upper case by definition).
     *
     * @throws AuthenticationException with reply code 503 if this server does not offer it
     */
    public SaslMechanism lookup(String name) throws AuthenticationException {
        for (SaslMechanism mechanism : mechanisms) {
            if (mechanism.name().equals(name)) {
                return mechanism;
            }
        }
        throw AuthenticationException.commandInvalid(
                "unsupported mechanism " + name + "; this server offers " + announced);
    }
}
