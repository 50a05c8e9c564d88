package io.warren.spring;

import io.warren.broker.Broker;
import io.warren.broker.VirtualHost;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.url.ConnectionUrl;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The brokers the Spring tests run against, over the transport of this run: in-JVM ({@code vm://NAME}) by
 * default, or with {@code -Dwarren.transport=amqp} a Warren server in this JVM on a loopback port, serving the
 * in-JVM broker NAME, reached with {@code amqp://}. Either way the tests look at the broker's queues directly.
 */
final class TestBrokers {
    private static final boolean AMQP = "amqp".equals(System.getProperty("warren.transport"));
    private static final Map<String, AmqpServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> NAMES_BY_PORT = new ConcurrentHashMap<>();

    private TestBrokers() {
    }

    /** The URL of broker {@code name}, started if needed. */
    static String url(String name) {
        return url(name, "");
    }

    /** The URL of broker {@code name} with options ({@code a=1&b=2}), started if needed. */
    static String url(String name, String options) {
        String query = options.isEmpty() ? "" : "?" + options;
        if (!AMQP) {
            return "vm://" + name + query;
        }
        AmqpServer server = SERVERS.computeIfAbsent(name, n -> serve(n, 0));
        return "amqp://guest:guest@127.0.0.1:" + server.port() + "/" + query;
    }

    private static AmqpServer serve(String name, int port) {
        Broker broker = VmBrokers.acquire(ConnectionUrl.parse("vm://" + name));
        AmqpServer server = AmqpServer.start(broker, ServerSettings.ephemeral().withPort(port),
                UserStore.withDefaultGuest(new PasswordHasher(1_000)));
        NAMES_BY_PORT.put(server.port(), name);
        return server;
    }

    /** The default virtual host of the broker behind a factory. */
    static VirtualHost host(WarrenConnectionFactory factory) {
        ConnectionUrl url = ConnectionUrl.parse(factory.getUrl());
        String name = url.isVm() ? url.brokerName() : NAMES_BY_PORT.get(url.endpoints().get(0).port());
        return VmBrokers.acquire(ConnectionUrl.parse("vm://" + name)).defaultVirtualHost();
    }

    /** Stops broker {@code name} (and its server): its connections fail. */
    static void stop(String name) {
        AmqpServer server = SERVERS.remove(name);
        if (server != null) {
            server.close();
        }
        VmBrokers.stop(name);
    }

    /**
     * Stops broker {@code name} under its connections, and has it come back: in-JVM on the next connection, over
     * AMQP at once, on the same port.
     */
    static void restart(String name) {
        AmqpServer server = SERVERS.remove(name);
        if (server != null) {
            server.close();
        }
        VmBrokers.stop(name);
        if (server != null) {
            SERVERS.put(name, serve(name, server.port()));
        }
    }
}
