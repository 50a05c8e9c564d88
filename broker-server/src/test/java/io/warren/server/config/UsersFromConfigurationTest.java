package io.warren.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.Permission;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import org.junit.jupiter.api.Test;

class UsersFromConfigurationTest {
    private static final PasswordHasher FAST = new PasswordHasher(1_000);

    @Test
    void theDefaultGuestIsLoopbackOnlyAdministratorWithAllPermissionsOnSlash() {
        UserStore store = ServerConfiguration.defaults().userStore(FAST);

        assertThat(store.user("guest")).hasValueSatisfying(u -> {
            assertThat(u.tags()).containsExactly(User.ADMINISTRATOR);
            assertThat(u.loopbackOnly()).isTrue();
        });
        assertThat(FAST.verify("guest".toCharArray(), store.user("guest").orElseThrow().passwordHash())).isTrue();
        assertThat(store.permissions("guest")).containsExactly(
                java.util.Map.entry("/", new Permission("/", ".*", ".*", ".*")));
    }

    @Test
    void theDefaultUserKeysShapeTheOneUserCreatedOnAnEmptyBroker() {
        UserStore store = ConfigurationLoader.parse("w", """
                default_user = admin
                default_pass = s3cret
                default_vhost = prod
                default_user_tags.administrator = false
                default_user_tags.monitoring = true
                default_permissions.configure = ^amq\\.gen
                default_permissions.write = .*
                default_permissions.read =
                """).userStore(FAST);

        User admin = store.user("admin").orElseThrow();
        assertThat(store.user("guest")).isEmpty();
        assertThat(admin.tags()).containsExactly(User.MONITORING);
        assertThat(admin.loopbackOnly()).isFalse();
        assertThat(FAST.verify("s3cret".toCharArray(), admin.passwordHash())).isTrue();
        assertThat(store.permissions("admin").get("prod")).isEqualTo(new Permission("prod", "^amq\\.gen", ".*", ""));
    }

    @Test
    void loopbackUsersGuestFalseLetsGuestConnectFromAnywhere() {
        UserStore store = ConfigurationLoader.parse("w", "loopback_users.guest = false").userStore(FAST);

        assertThat(store.user("guest").orElseThrow().loopbackOnly()).isFalse();
    }

    @Test
    void loopbackUsersNoneLiftsTheRestrictionForEveryone() {
        UserStore store = ConfigurationLoader.parse("w", "loopback_users = none").userStore(FAST);

        assertThat(store.user("guest").orElseThrow().loopbackOnly()).isFalse();
    }

    @Test
    void declaredUsersReplaceTheDefaultUserAndGetTheirPermissions() {
        String hash = FAST.hash("bob-pass".toCharArray());
        ServerConfiguration config = ConfigurationLoader.parse("w", """
                vhosts.1 = orders
                vhosts.2 = billing
                users.alice.password = alice-pass
                users.alice.tags = administrator, management
                users.bob.password_hash = %s
                permissions.alice./ = .* .* .*
                permissions.alice.orders = '' "amq\\.topic|orders.*" .*
                permissions.bob.billing = '' '' '^billing\\.'
                """.formatted(hash));
        UserStore store = config.userStore(FAST);

        assertThat(config.virtualHosts()).containsExactly("/", "orders", "billing");
        assertThat(store.users()).extracting(User::name).containsExactly("alice", "bob");
        assertThat(store.user("alice").orElseThrow().tags()).containsExactlyInAnyOrder("administrator", "management");
        assertThat(FAST.verify("alice-pass".toCharArray(), store.user("alice").orElseThrow().passwordHash())).isTrue();
        assertThat(store.user("bob").orElseThrow().passwordHash()).isEqualTo(hash);
        assertThat(store.permissions("alice")).containsOnlyKeys("/", "orders");
        assertThat(store.permissions("alice").get("orders"))
                .isEqualTo(new Permission("orders", "", "amq\\.topic|orders.*", ".*"));
        assertThat(store.permissions("bob").get("billing")).isEqualTo(new Permission("billing", "", "", "^billing\\."));
    }

    @Test
    void aDeclaredUserNamedGuestIsStillLoopbackOnlyUnlessToldOtherwise() {
        UserStore store = ConfigurationLoader.parse("w", """
                users.guest.password = other
                users.ops.password = ops
                loopback_users.ops = true
                """).userStore(FAST);

        assertThat(store.user("guest").orElseThrow().loopbackOnly()).isTrue();
        assertThat(store.user("ops").orElseThrow().loopbackOnly()).isTrue();
        assertThat(store.permissions("guest")).isEmpty();
    }

    @Test
    void aUserNameMayContainDotsInUsersKeys() {
        UserStore store = ConfigurationLoader.parse("w", "users.first.last.password = x").userStore(FAST);

        assertThat(store.user("first.last")).isPresent();
    }
}
