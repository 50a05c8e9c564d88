package io.warren.server;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A broker with an AMQP server on a free loopback port and RabbitMQ Java client connections to it; closes
 * all of them. Passwords are hashed with few iterations so that tests log in quickly.
 */
public final class ServerFixture implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    public final Broker broker;
    public final UserStore users;
    public final AmqpServer server;
    private final List<Connection> connections = new ArrayList<>();

    private ServerFixture(BrokerConfig config, UnaryOperator<ServerSettings> settings) {
        this.broker = Broker.start(config);
        this.users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        this.server = AmqpServer.start(broker, settings.apply(ServerSettings.ephemeral()), users);
    }

    public static ServerFixture start() {
        return start(UnaryOperator.identity());
    }

    public static ServerFixture start(UnaryOperator<ServerSettings> settings) {
        return new ServerFixture(BrokerConfig.builder("server-test-" + NAMES.incrementAndGet()).build(), settings);
    }

    public static ServerFixture start(BrokerConfig config) {
        return new ServerFixture(config, UnaryOperator.identity());
    }

    public static ServerFixture start(BrokerConfig config, UnaryOperator<ServerSettings> settings) {
        return new ServerFixture(config, settings);
    }

    /** A client factory for this server as guest, without automatic recovery. */
    public ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(server.port());
        f.setUsername("guest");
        f.setPassword("guest");
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        f.setConnectionTimeout(5_000);
        f.setChannelRpcTimeout(10_000);
        return f;
    }

    public Connection connect() throws Exception {
        return track(factory().newConnection());
    }

    public Connection track(Connection c) {
        connections.add(c);
        return c;
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            try {
                if (c.isOpen()) {
                    c.abort(1_000);
                }
            } catch (RuntimeException e) {
                // the test may have broken it on purpose
            }
        }
        server.close();
        broker.close();
    }
}
