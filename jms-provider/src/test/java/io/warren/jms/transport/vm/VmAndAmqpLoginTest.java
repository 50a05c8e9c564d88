package io.warren.jms.transport.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Broker;
import io.warren.broker.security.UserStore;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An AMQP server running a {@code vm://} broker with users checks the broker's own store: a user added to it logs
 * in both over the wire and in the JVM, and one removed from it can do neither.
 */
class VmAndAmqpLoginTest {
    private final String name = "vm-amqp-login-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() {
        VmBrokers.stop(name);
    }

    @Test
    void oneStoreServesTheServerAndInJvmClients() throws Exception {
        String vm = "vm://" + name + "?jmx=false&users=alice:s3cret";
        Broker broker = VmBrokers.acquire(ConnectionUrl.parse(vm));
        UserStore users = broker.config().users();
        try (AmqpServer server = AmqpServer.start(broker, ServerSettings.ephemeral(), users)) {
            users.addUser("carol", "pw".toCharArray(), Set.of());
            users.setPermissions("carol", "/", ".*", ".*", ".*");
            WarrenConnectionFactory overVm = new WarrenConnectionFactory(vm);
            WarrenConnectionFactory overAmqp = new WarrenConnectionFactory("amqp://127.0.0.1:" + server.port());

            try (Connection a = overVm.createConnection("carol", "pw");
                 Connection b = overAmqp.createConnection("carol", "pw")) {
                assertThat(broker.connections()).hasSize(2);
            }

            users.deleteUser("carol");
            assertThatThrownBy(() -> overVm.createConnection("carol", "pw")).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> overAmqp.createConnection("carol", "pw"))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }
}
