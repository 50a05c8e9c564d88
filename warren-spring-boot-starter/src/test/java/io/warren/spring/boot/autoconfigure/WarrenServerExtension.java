package io.warren.spring.boot.autoconfigure;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.UserStore;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Warren AMQP server on a loopback port for one test class, started on first use (from a
 * {@code @DynamicPropertySource}, before the Spring context) and closed after the class. Declare it before
 * {@code @SpringBootTest}: extensions close in reverse order, so the context (with {@code @DirtiesContext}) closes
 * its connections first.
 */
public final class WarrenServerExtension implements AfterAllCallback {
    private static Broker broker;
    private static AmqpServer server;

    /** {@code amqp://guest:guest@127.0.0.1:PORT/}, the server started if needed. */
    static synchronized String url() {
        if (server == null) {
            broker = Broker.start(BrokerConfig.builder("boot-remote-server").jmx(false).build());
            server = AmqpServer.start(broker, ServerSettings.ephemeral(), UserStore.withDefaultGuest());
        }
        return "amqp://guest:guest@127.0.0.1:" + server.port() + "/";
    }

    /** The broker behind the server. */
    static synchronized Broker broker() {
        return broker;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (WarrenServerExtension.class) {
            if (server != null) {
                server.close();
                broker.close();
                server = null;
                broker = null;
            }
        }
    }
}
