package io.warren.server.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warren.server.ServerFixture;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = ServerFixture.start();
        fixture.users.addUser("alice", "s3cret".toCharArray(), Set.of());
        fixture.users.setPermissions("alice", "/", ".*", ".*", ".*");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ConnectionFactory as(String user, String password) {
        ConnectionFactory f = fixture.factory();
        f.setUsername(user);
        f.setPassword(password);
        return f;
    }

    @Test
    void aUserWithTheRightPasswordLogsIn() throws Exception {
        Connection c = fixture.track(as("alice", "s3cret").newConnection());
        assertThat(c.createChannel().queueDeclare().getQueue()).startsWith("amq.gen-");
    }

    @Test
    void aWrongPasswordIsRefusedWithAnAuthenticationFailure() {
        assertThatThrownBy(() -> as("alice", "wrong").newConnection())
                .isInstanceOf(AuthenticationFailureException.class)
                .hasMessageStartingWith("ACCESS_REFUSED");
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.server.connectionCount() == 0);
    }

    @Test
    void anUnknownUserIsRefusedWithAnAuthenticationFailure() {
        assertThatThrownBy(() -> as("mallory", "s3cret").newConnection())
                .isInstanceOf(AuthenticationFailureException.class);
    }

    @Test
    void theServerKeepsServingAfterFailedLogins() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> as("guest", "nope").newConnection())
                    .isInstanceOf(AuthenticationFailureException.class);
        }
        assertThat(fixture.connect().isOpen()).isTrue();
    }
}
