package io.warren.jms.destination;

import jakarta.jms.InvalidDestinationException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the queue and topic names an application gives ({@code createQueue}, {@code createTopic}, JNDI entries,
 * another provider's destination objects) for the syntax of other brokers, so that a name never silently means
 * another destination on Warren than it did there:
 * <ul>
 *   <li>ActiveMQ's {@code >} wildcard at the end of a topic name is Warren's {@code #}, with the same meaning
 *       ({@code news.>} matches {@code news}, {@code news.eu} and {@code news.eu.fr}): the name is rewritten;</li>
 *   <li>a scheme prefix ({@code queue://x}, {@code topic://x} of ActiveMQ and Qpid), an Artemis fully qualified
 *       queue name ({@code address::queue}), an ActiveMQ composite destination ({@code a,b}), ActiveMQ destination
 *       options ({@code orders?consumer.prefetchSize=10}), a {@code >} before the last word, and wildcards in a
 *       queue name fail with {@link InvalidDestinationException} naming the Warren form to use.</li>
 * </ul>
 * Topic names of the form {@code exchange:...} are Warren's own syntax and pass unchanged ({@link ExchangeAddress}
 * checks them). Names of destinations received in messages are not checked: they were published by Warren or by
 * an AMQP client, whose names may hold any character. Stateless; any thread.
 */
public final class DestinationNames {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$", Pattern.DOTALL);

    private DestinationNames() {
    }

    /** The queue name to use for {@code name}; fails for a name in another broker's syntax. */
    public static String queueName(String name) throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("queue name must not be null or empty");
        }
        checkForeignSyntax(name, "queue");
        if (Arrays.stream(name.split("\\.", -1)).anyMatch(w -> w.equals("*") || w.equals("#") || w.equals(">"))) {
            throw invalid("queue", name, "a queue name has no wildcards on Warren: a wildcard consumer (ActiveMQ,"
                    + " Artemis) is a topic subscription here, as createTopic(\"" + name.replace(">", "#")
                    + "\"), whose messages are those published to matching topics");
        }
        return name;
    }

    /**
     * The topic name to use for {@code name}: unchanged, except that an ActiveMQ {@code >} as the last word
     * becomes {@code #}; fails for a name in another broker's syntax.
     */
    public static String topicName(String name) throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("topic name must not be null or empty");
        }
        if (ExchangeAddress.isExchangeAddress(name)) {
            ExchangeAddress.parse(name);
            return name;
        }
        checkForeignSyntax(name, "topic");
        String[] words = name.split("\\.", -1);
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals(">")) {
                throw invalid("topic", name, "ActiveMQ's '>' is only for the last word; Warren's '#' (zero or more"
                        + " words) may stand anywhere: use '" + name.replace(">", "#") + "'");
            }
        }
        if (words[words.length - 1].equals(">")) {
            return name.substring(0, name.length() - 1) + "#";
        }
        return name;
    }

    private static void checkForeignSyntax(String name, String kind) throws InvalidDestinationException {
        Matcher scheme = SCHEME.matcher(name);
        if (scheme.matches()) {
            throw invalid(kind, name, schemeAdvice(kind, scheme.group(1), scheme.group(2)));
        }
        if (name.regionMatches(true, 0, "BURL:", 0, 5)) {
            throw invalid(kind, name, "Qpid's binding URLs are not Warren names: address an exchange with"
                    + " createTopic(\"exchange:NAME/ROUTING_KEY\"), a queue by its name");
        }
        int fqqn = name.indexOf("::");
        if (fqqn >= 0) {
            String address = name.substring(0, fqqn);
            String queue = name.substring(fqqn + 2);
            throw invalid(kind, name, "Artemis's ADDRESS::QUEUE names have no Warren form: a queue is named alone,"
                    + " unique in its virtual host; to consume from queue '" + queue + "' use createQueue(\"" + queue
                    + "\"), to publish to '" + address + "' use create" + capitalised(kind) + "(\"" + address + "\")");
        }
        if (name.indexOf(',') >= 0) {
            throw invalid(kind, name, "ActiveMQ's composite destinations (A,B) have no Warren form: send to each "
                    + kind + " in turn, or bind the queues to a fanout exchange and send to"
                    + " createTopic(\"exchange:NAME\")");
        }
        int q = name.indexOf('?');
        if (q >= 0) {
            throw invalid(kind, name, "options after '?' in a " + kind + " name (ActiveMQ's destination options)"
                    + " have no Warren form: use '" + name.substring(0, q) + "' and set the prefetch on the"
                    + " connection URL");
        }
    }

    private static String schemeAdvice(String kind, String scheme, String rest) {
        return switch (scheme) {
            case "queue", "temp-queue" -> kind.equals("queue")
                    ? "use '" + rest + "': Warren queue names have no '" + scheme + "://' prefix"
                    : "'" + scheme + "://' names a queue: use createQueue(\"" + rest + "\")";
            case "topic", "temp-topic" -> kind.equals("topic")
                    ? "use '" + rest + "': Warren topic names have no '" + scheme + "://' prefix"
                    : "'" + scheme + "://' names a topic: use createTopic(\"" + rest + "\")";
            default -> "Warren " + kind + " names have no scheme prefix: use the name alone, or address an"
                    + " exchange with createTopic(\"exchange:NAME/ROUTING_KEY\")";
        };
    }

    private static String capitalised(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    private static InvalidDestinationException invalid(String kind, String name, String advice) {
        return new InvalidDestinationException("invalid " + kind + " name '" + name + "': " + advice);
    }
}
