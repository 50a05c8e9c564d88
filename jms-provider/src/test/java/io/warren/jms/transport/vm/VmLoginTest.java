package io.warren.jms.transport.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Broker;
import io.warren.broker.security.PasswordHasher;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code vm://} broker with users ({@code users=} inline or {@code usersFile=}) lets a connection in only with
 * a user name and its password, from the URL's {@code user}/{@code password} options or the arguments of
 * {@code createConnection}/{@code createContext}, which override them; a refusal is a
 * {@link JMSSecurityException} ({@link JMSSecurityRuntimeException} for a {@code JMSContext}) naming the user and
 * leaves nothing registered in the broker. A broker without users lets everyone in.
 */
class VmLoginTest {
    private static final String USERS = "users=alice:s3cret;bob:hunter2";
    private final String name = "vm-login-" + UUID.randomUUID().toString().substring(0, 8);
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        VmBrokers.stop(name);
    }

    private WarrenConnectionFactory factory(String options) {
        return new WarrenConnectionFactory("vm://" + name + "?jmx=false&" + options);
    }

    private Broker broker() {
        return VmBrokers.get(name);
    }

    @Test
    void theRightUserAndPasswordConnect() throws Exception {
        try (Connection c = factory(USERS).createConnection("alice", "s3cret")) {
            c.start();
            assertThat(broker().connections()).hasSize(1);
        }
    }

    @Test
    void aWrongPasswordFailsNamingTheUserButNotThePasswordAndLeavesNothingInTheBroker() throws Exception {
        WarrenConnectionFactory f = factory(USERS);
        try (Connection held = f.createConnection("bob", "hunter2")) {
            assertThatThrownBy(() -> f.createConnection("alice", "guess123"))
                    .isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("vm://" + name)
                    .hasMessageContaining("'alice'")
                    .hasMessageNotContaining("guess123")
                    .satisfies(e -> assertThat(((JMSException) e).getErrorCode()).isEqualTo("ACCESS_REFUSED"));
            assertThat(broker().connections()).hasSize(1);
        }
        assertThat(broker().connections()).isEmpty();
    }

    @Test
    void anUnknownUserOrNoUserAtAllIsRefused() {
        WarrenConnectionFactory f = factory(USERS);

        assertThatThrownBy(() -> f.createConnection("invalid", "invalid"))
                .isInstanceOf(JMSSecurityException.class).hasMessageContaining("'invalid'");
        assertThatThrownBy(f::createConnection)
                .isInstanceOf(JMSSecurityException.class).hasMessageContaining("gave no user name");
        assertThatThrownBy(() -> f.createConnection("alice", null)).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> f.createConnection("alice", "")).isInstanceOf(JMSSecurityException.class);
        assertThat(broker().connections()).isEmpty();
    }

    @Test
    void queueAndTopicConnectionsAreCheckedToo() {
        WarrenConnectionFactory f = factory(USERS);

        assertThatThrownBy(() -> f.createQueueConnection("alice", "nope")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> f.createTopicConnection("alice", "nope")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(f::createQueueConnection).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(f::createTopicConnection).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aContextWithWrongCredentialsFailsWithTheRuntimeSecurityException() {
        WarrenConnectionFactory f = factory(USERS);

        assertThatThrownBy(() -> f.createContext("alice", "nope")).isInstanceOf(JMSSecurityRuntimeException.class)
                .hasMessageContaining("'alice'");
        assertThatThrownBy(() -> f.createContext("alice", "nope", JMSContext.CLIENT_ACKNOWLEDGE))
                .isInstanceOf(JMSSecurityRuntimeException.class);
        assertThatThrownBy(f::createContext).isInstanceOf(JMSSecurityRuntimeException.class);
        try (JMSContext ctx = f.createContext("alice", "s3cret")) {
            ctx.createProducer().send(ctx.createQueue("q"), "hello");
        }
    }

    @Test
    void theUrlsUserAndPasswordAreTheDefaultsAndArgumentsOverrideThem() throws Exception {
        WarrenConnectionFactory right = factory(USERS + "&user=alice&password=s3cret");
        try (Connection c = right.createConnection(); JMSContext ctx = right.createContext()) {
            assertThat(broker().connections()).hasSize(2);
        }
        assertThatThrownBy(() -> right.createConnection("alice", "wrong")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> right.createContext("bob", "s3cret")).isInstanceOf(JMSSecurityRuntimeException.class);

        WarrenConnectionFactory wrongDefaults = factory("user=alice&password=wrong");
        assertThatThrownBy(wrongDefaults::createConnection).isInstanceOf(JMSSecurityException.class);
        try (Connection c = wrongDefaults.createConnection("bob", "hunter2")) {
            assertThat(broker().connections()).hasSize(1);
        }
    }

    @Test
    void aBrokerWithoutUsersLetsEveryoneIn() throws Exception {
        WarrenConnectionFactory f = factory("persistent=false");
        try (Connection a = f.createConnection(); Connection b = f.createConnection("invalid", "invalid");
             JMSContext ctx = f.createContext("x", "")) {
            assertThat(broker().config().users()).isNull();
        }
    }

    @Test
    void aUsersFileHoldsPasswordsInClearOrHashed() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "# users of the test broker\ncarol=pa:ss\ndave="
                + new PasswordHasher(1_000).hash("h4shed".toCharArray()).replace("$", "\\$") + "\n");
        WarrenConnectionFactory f = factory("usersFile=" + file);

        try (Connection c = f.createConnection("carol", "pa:ss"); Connection d = f.createConnection("dave", "h4shed")) {
            assertThat(broker().connections()).hasSize(2);
        }
        assertThatThrownBy(() -> f.createConnection("dave", "wrong")).isInstanceOf(JMSSecurityException.class);
        assertThat(broker().config().users().users()).extracting("name").containsExactly("carol", "dave");
    }

    @Test
    void inlineUsersAndAUsersFileAddUp() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "carol=pw3\n");
        WarrenConnectionFactory f = factory(USERS + "&usersFile=" + file);
        try (Connection a = f.createConnection("alice", "s3cret"); Connection c = f.createConnection("carol", "pw3")) {
            assertThat(broker().connections()).hasSize(2);
        }
    }

    @Test
    void aMissingUsersFileFailsTheConnectionNamingTheFile() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> factory("usersFile=" + missing).createConnection("a", "b"))
                .isInstanceOf(JMSException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void joiningWithOtherUsersFailsNamingTheOptionButNoPassword() throws Exception {
        try (Connection c = factory(USERS).createConnection("alice", "s3cret")) {
            assertThatThrownBy(() -> factory("users=alice:s3cret").createConnection("alice", "s3cret"))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("users: the running broker has [alice, bob] inline, this URL [alice]")
                    .hasMessageNotContaining("s3cret");
            assertThatThrownBy(() -> factory("users=alice:other;bob:hunter2").createConnection("alice", "other"))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("another password for user 'alice'")
                    .hasMessageNotContaining("other;").hasMessageNotContaining("hunter2");
            // the same users, or none given, join the broker as it runs
            try (Connection same = factory(USERS).createConnection("bob", "hunter2");
                 Connection plain = factory("user=bob&password=hunter2").createConnection()) {
                assertThat(broker().connections()).hasSize(3);
            }
        }
    }

    @Test
    void theInlinePasswordsNeverShowInTheFactoryOrTheUrl() {
        WarrenConnectionFactory f = factory(USERS + "&user=alice&password=s3cret");

        assertThat(f.toString()).contains("users=alice:***;bob:***").doesNotContain("s3cret", "hunter2");
        assertThat(ConnectionUrl.parse(f.getUrl()).toString()).doesNotContain("s3cret", "hunter2");
        assertThat(f.options().toString()).doesNotContain("s3cret", "hunter2");
        assertThat(ConnectionUrl.redact("vm://x?users=alice%3As3cret%3Bbob%3Ahunter2&bad"))
                .doesNotContain("s3cret", "hunter2").contains("alice%3A***");
        assertThatThrownBy(() -> ConnectionUrl.parse("vm://x?users=alice:s3cret;alice:hunter2"))
                .hasMessageContaining("'alice'").satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("s3cret", "hunter2"));
        assertThatThrownBy(() -> ConnectionUrl.parse("vm://x?users=s3cret")).satisfies(e -> assertThat(e.getMessage())
                .doesNotContain("s3cret"));
    }

    @Test
    void manyThreadsConnectAtOnceWithRightAndWrongPasswords() throws Exception {
        WarrenConnectionFactory f = factory(USERS);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                boolean right = i % 2 == 0;
                String user = i % 4 < 2 ? "alice" : "bob";
                String password = right ? (user.equals("alice") ? "s3cret" : "hunter2") : "wrong" + i;
                Callable<Boolean> attempt = () -> {
                    go.await();
                    for (int n = 0; n < 5; n++) {
                        try (Connection c = f.createConnection(user, password)) {
                            if (!right) {
                                return false;
                            }
                        } catch (JMSSecurityException refused) {
                            if (right) {
                                return false;
                            }
                        }
                    }
                    return true;
                };
                results.add(pool.submit(attempt));
            }
            go.countDown();
            for (Future<Boolean> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(broker().connections()).isEmpty();
    }

    @Test
    void connectionsAfterTheFirstLoginSkipThePasswordHash() throws Exception {
        WarrenConnectionFactory f = factory(USERS + "&user=alice&password=s3cret");
        f.createConnection().close();
        int count = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            f.createConnection().close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("vm:// connections with a login: %.0f/s%n", count / seconds);
        // A PBKDF2 run per connection (about 100 ms) would take over three minutes.
        assertThat(seconds).isLessThan(20);
    }
}
