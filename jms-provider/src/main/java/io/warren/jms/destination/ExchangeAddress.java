package io.warren.jms.destination;

import jakarta.jms.InvalidDestinationException;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A topic name addressing any exchange: {@code exchange:NAME}, {@code exchange:NAME/ROUTING_KEY} and, for
 * subscribers, binding arguments after {@code ?}: {@code exchange:prices?x-match=all&symbol='ACME'&tier=2}.
 *
 * <p>Argument values are typed as a JMS property would be: {@code 'quoted'} is a String, {@code true}/{@code false}
 * a Boolean, an integer a Long, a decimal a Double, anything else a String. On a headers exchange these are the
 * JMS message properties a message must carry to reach the subscriber.
 */
public record ExchangeAddress(String exchange, String routingKey, Map<String, Object> arguments)
        implements Serializable {
    /** The prefix that marks a topic name as an exchange address. */
    public static final String PREFIX = "exchange:";

    public ExchangeAddress {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public static boolean isExchangeAddress(String name) {
        return name != null && name.startsWith(PREFIX);
    }

    /** Parses an address, failing with a message that names the problem. */
    public static ExchangeAddress parse(String name) throws InvalidDestinationException {
        try {
            return parseUnchecked(name);
        } catch (IllegalArgumentException e) {
            InvalidDestinationException ide = new InvalidDestinationException(e.getMessage());
            ide.initCause(e);
            throw ide;
        }
    }

    static ExchangeAddress parseUnchecked(String name) {
        String rest = name.substring(PREFIX.length());
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String exchange = rest;
        String key = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            exchange = rest.substring(0, slash);
            key = rest.substring(slash + 1);
        }
        if (exchange.isEmpty()) {
            throw new IllegalArgumentException("invalid destination '" + name
                    + "': expected exchange:NAME[/ROUTING_KEY][?ARG=VALUE&...] with a non-empty exchange name");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("invalid destination '" + name + "': argument '" + pair
                            + "' is not of the form NAME=VALUE");
                }
                args.put(pair.substring(0, eq), typed(name, pair.substring(eq + 1)));
            }
        }
        return new ExchangeAddress(exchange, key, args);
    }

    private static Object typed(String name, String v) {
        try {
            return argumentValue(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid destination '" + name + "': " + e.getMessage());
        }
    }

    /**
     * Types an argument value written as text, as a JMS property would be: {@code 'quoted'} is a String,
     * {@code true}/{@code false} a Boolean, an integer a Long, a decimal a Double, anything else a String. Shared
     * by the {@code exchange:} destinations and the Spring Boot starter's topology arguments.
     *
     * @throws IllegalArgumentException for an unterminated quote
     */
    public static Object argumentValue(String v) {
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.startsWith("'")) {
            throw new IllegalArgumentException("unterminated quote in " + v);
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        if (v.matches("[-+]?\\d+")) {
            try {
                return Long.valueOf(v);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (v.matches("[-+]?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.valueOf(v);
        }
        return v;
    }
}
