package io.warren.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running server has one user store: the one {@code warren.conf} fills is its broker's
 * ({@link BrokerConfig#users()}), which in-JVM ({@code vm://}) clients of that broker log in against with
 * {@link UserStore#checkLogin}, so a user added to it can log in over AMQP and in the JVM at once, and a changed
 * password stops both.
 */
class SharedUserStoreTest {
    @TempDir
    Path dataDir;

    private static ConnectionFactory factory(int port, String user, String password) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port);
        f.setUsername(user);
        f.setPassword(password);
        f.setAutomaticRecoveryEnabled(false);
        f.setConnectionTimeout(5_000);
        return f;
    }

    @Test
    void aUserAddedToTheBrokersStoreLogsInOverAmqpAndInTheJvm() throws Exception {
        try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=127.0.0.1:0",
                "--management.tcp.port=0", "--prometheus.tcp.port=0", "--data_dir=" + dataDir)) {
            UserStore users = server.broker().config().users();
            assertThat(users).isNotNull();
            assertThat(users.user("guest")).isPresent();

            users.addUser("carol", "s3cret".toCharArray(), Set.of());
            users.setPermissions("carol", "/", ".*", ".*", ".*");

            try (Connection amqp = factory(server.amqpPort(), "carol", "s3cret").newConnection()) {
                assertThat(amqp.isOpen()).isTrue();
            }
            assertThat(users.checkLogin("carol", "s3cret".toCharArray()).accepted()).isTrue();

            users.changePassword("carol", "n3w".toCharArray());
            assertThatThrownBy(() -> factory(server.amqpPort(), "carol", "s3cret").newConnection())
                    .isInstanceOf(AuthenticationFailureException.class);
            assertThat(users.checkLogin("carol", "s3cret".toCharArray()).accepted()).isFalse();
            assertThat(users.checkLogin("carol", "n3w".toCharArray()).accepted()).isTrue();
        }
    }

    @Test
    void anAmqpServerWontCheckAnotherStoreThanItsBrokers() throws Exception {
        UserStore own = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        try (Broker broker = Broker.start(BrokerConfig.builder("shared-store").jmx(false).users(own).build())) {
            assertThatThrownBy(() -> AmqpServer.start(broker, ServerSettings.ephemeral(),
                    UserStore.withDefaultGuest(new PasswordHasher(1_000))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has its own user store");
            try (AmqpServer server = AmqpServer.start(broker, ServerSettings.ephemeral(), own);
                 Connection amqp = factory(server.port(), "guest", "guest").newConnection()) {
                assertThat(amqp.isOpen()).isTrue();
            }
        }
    }
}
