package io.warren.benchmarks.jms;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import jakarta.jms.ConnectionFactory;
import java.util.Locale;

/**
 * A broker in another process that the JMS workloads run against instead of an in-JVM Warren broker:
 * {@code warren=amqp://…} (a Warren server through Warren's {@code amqp://} transport),
 * {@code artemis=tcp://…} (ActiveMQ Artemis through its own client) or {@code rabbitmq=amqp://…} (RabbitMQ through
 * RabbitMQ's JMS client). The peers' clients are loaded by name, so they are needed on the class path only when
 * used (the benchmarks module's {@code peers} profile brings them). Its string form and messages mask the URL's
 * passwords.
 */
public record JmsTarget(String kind, String url) {
    private static final String ARTEMIS_FACTORY = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";
    private static final String RABBITMQ_FACTORY = "com.rabbitmq.jms.admin.RMQConnectionFactory";

    /** Parses {@code KIND=URL}. */
    public static JmsTarget parse(String spec) {
        int eq = spec.indexOf('=');
        String kind = eq < 0 ? "" : spec.substring(0, eq).toLowerCase(Locale.ROOT);
        if (eq < 0 || !(kind.equals("warren") || kind.equals("artemis") || kind.equals("rabbitmq"))) {
            throw new IllegalArgumentException("--target needs warren=amqp://HOST:PORT, artemis=tcp://HOST:PORT or"
                    + " rabbitmq=amqp://HOST:PORT, was '" + ConnectionUrl.redact(spec) + "'");
        }
        return new JmsTarget(kind, spec.substring(eq + 1));
    }

    /** A connection factory for the target, configured as its users would. */
    public ConnectionFactory connectionFactory() {
        try {
            return switch (kind) {
                case "warren" -> new WarrenConnectionFactory(url);
                case "artemis" -> (ConnectionFactory) Class.forName(ARTEMIS_FACTORY).getConstructor(String.class)
                        .newInstance(url);
                default -> {
                    Object f = Class.forName(RABBITMQ_FACTORY).getConstructor().newInstance();
                    f.getClass().getMethod("setUri", String.class).invoke(f, url);
                    yield (ConnectionFactory) f;
                }
            };
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the " + kind + " JMS client is not on the class path: run with the"
                    + " benchmarks module's peers profile (-Ppeers)", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the " + kind + " connection factory for "
                    + ConnectionUrl.redact(url), e);
        }
    }

    @Override
    public String toString() {
        return kind + " at " + ConnectionUrl.redact(url);
    }
}
