package io.warren.tck.support;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Hashtable;
import java.util.Properties;
import java.util.Set;

/**
 * The suite over the network: with {@code -Dwarren.transport=amqp} a Warren server is started in this JVM on an
 * ephemeral loopback port, and every connection factory of {@code jndi.properties} connects to it with an
 * {@code amqp://} URL (the same options, but for the in-JVM broker's {@code users}) instead of {@code vm://}. With
 * {@code -Dwarren.tck.url=amqp://...} as well, the suite runs against that broker instead (the credential tests
 * need a user {@code tck-user} with password {@code tck-password}).
 */
final class AmqpLoopback {
    static final String TRANSPORT_PROPERTY = "warren.transport";
    /** Runs the suite against a broker of your own instead (RabbitMQ, say): its {@code amqp://} URL. */
    static final String EXTERNAL_URL_PROPERTY = "warren.tck.url";
    private static final String VM_URL = "vm://tck";
    private static AmqpServer server;

    private AmqpLoopback() {
    }

    static boolean enabled() {
        return "amqp".equals(System.getProperty(TRANSPORT_PROPERTY));
    }

    /** The JNDI environment of {@code jndi.properties}, its factories pointed at the loopback server. */
    static synchronized Hashtable<String, Object> environment() {
        String external = System.getProperty(EXTERNAL_URL_PROPERTY);
        if (external == null && server == null) {
            Broker broker = Broker.start(BrokerConfig.builder("tck-server").build());
            UserStore users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
            // the user the credential tests connect as
            users.addUser("tck-user", "tck-password".toCharArray(), Set.of());
            users.setPermissions("tck-user", "/", ".*", ".*", ".*");
            server = AmqpServer.start(broker, ServerSettings.ephemeral(), users);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                broker.close();
            }));
        }
        String amqpUrl = external != null ? external : "amqp://guest:guest@127.0.0.1:" + server.port();
        Properties file = new Properties();
        try (InputStream in = AmqpLoopback.class.getResourceAsStream("/jndi.properties")) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Hashtable<String, Object> env = new Hashtable<>();
        for (String key : file.stringPropertyNames()) {
            // The in-JVM broker's users are the server's here (tck-user above); an amqp:// URL has no users option.
            env.put(key, file.getProperty(key).replace(VM_URL, amqpUrl).replaceAll("&users=[^&]*", ""));
        }
        return env;
    }
}
