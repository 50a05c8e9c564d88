package io.warren.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserStoreTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);
    private final UserStore store = new UserStore(hasher);

    @Test
    void theDefaultGuestIsALoopbackOnlyAdministratorWithFullPermissionsOnTheDefaultVhost() {
        UserStore defaults = UserStore.withDefaultGuest(hasher);

        User guest = defaults.user("guest").orElseThrow();
        assertThat(guest.tags()).containsExactly("administrator");
        assertThat(guest.loopbackOnly()).isTrue();
        assertThat(hasher.verify("guest".toCharArray(), guest.passwordHash())).isTrue();
        assertThat(defaults.permissions("guest")).containsExactly(
                Map.entry("/", new Permission("/", ".*", ".*", ".*")));
    }

    @Test
    void theDefaultGuestUsesTheDefaultIterationCount() {
        User guest = UserStore.withDefaultGuest().user("guest").orElseThrow();

        assertThat(guest.passwordHash()).startsWith("pbkdf2-sha256$210000$");
    }

    @Test
    void anAddedUserHasAHashedPasswordTagsAndNoPermissions() {
        User bob = store.addUser("bob", "pw".toCharArray(), Set.of("management"));

        assertThat(bob.passwordHash()).startsWith("pbkdf2-sha256$").doesNotContain("pw$");
        assertThat(bob.hasTag("management")).isTrue();
        assertThat(bob.loopbackOnly()).isFalse();
        assertThat(store.user("bob")).contains(bob);
        assertThat(store.permissions("bob")).isEmpty();
    }

    @Test
    void aUserCanBeAddedWithAHashMadeElsewhere() {
        String hash = new PasswordHasher(500).hash("pw".toCharArray());

        store.addUserWithHash("bob", hash, Set.of());

        assertThat(store.passwordMatches(store.user("bob").orElseThrow(), "pw".toCharArray())).isTrue();
    }

    @Test
    void aMalformedHashIsRejectedWhenTheUserIsAdded() {
        assertThatThrownBy(() -> store.addUserWithHash("bob", "md5$abc", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.user("bob")).isEmpty();
    }

    @Test
    void aUserNameCanBeAddedOnlyOnce() {
        store.addUser("bob", "pw".toCharArray(), Set.of());

        assertThatThrownBy(() -> store.addUser("bob", "other".toCharArray(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user 'bob' already exists");
    }

    @Test
    void changesToAnUnknownUserAreRejectedNamingIt() {
        assertThatThrownBy(() -> store.setPermissions("nobody", "/", ".*", ".*", ".*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user 'nobody' does not exist");
        assertThatThrownBy(() -> store.deleteUser("nobody")).hasMessage("user 'nobody' does not exist");
        assertThatThrownBy(() -> store.changePassword("nobody", "x".toCharArray()))
                .hasMessage("user 'nobody' does not exist");
        assertThatThrownBy(() -> store.setLoopbackOnly("nobody", true)).hasMessage("user 'nobody' does not exist");
        assertThat(store.user("nobody")).isEmpty();
    }

    @Test
    void loopbackOnlyAndTagsCanBeChanged() {
        store.addUser("bob", "pw".toCharArray(), Set.of());

        store.setLoopbackOnly("bob", true);
        store.setTags("bob", Set.of("monitoring"));

        User bob = store.user("bob").orElseThrow();
        assertThat(bob.loopbackOnly()).isTrue();
        assertThat(bob.tags()).containsExactly("monitoring");
    }

    @Test
    void permissionsAreKeptPerVhostAndCanBeCleared() {
        store.addUser("bob", "pw".toCharArray(), Set.of());

        store.setPermissions("bob", "/", ".*", "", "^q");
        store.setPermissions("bob", "dev", "", ".*", "");
        store.clearPermissions("bob", "/");

        assertThat(store.permissions("bob")).containsExactly(Map.entry("dev", new Permission("dev", "", ".*", "")));
    }

    @Test
    void anInvalidRegexIsRejectedNamingUserVhostAndWhichPermission() {
        store.addUser("bob", "pw".toCharArray(), Set.of());

        assertThatThrownBy(() -> store.setPermissions("bob", "dev", ".*", "(", ".*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid write permission for user 'bob' in vhost 'dev': ");
        assertThatThrownBy(() -> store.setPermissions("bob", "dev", "[", ".*", ".*"))
                .hasMessageStartingWith("invalid configure permission for user 'bob' in vhost 'dev'");
        assertThatThrownBy(() -> store.setPermissions("bob", "dev", ".*", ".*", "*"))
                .hasMessageStartingWith("invalid read permission for user 'bob' in vhost 'dev'");
        assertThat(store.permissions("bob")).isEmpty();
    }

    @Test
    void usersAreListedByName() {
        store.addUser("carol", "pw".toCharArray(), Set.of());
        store.addUser("alice", "pw".toCharArray(), Set.of());

        assertThat(store.users()).extracting(User::name).containsExactly("alice", "carol");
    }

    @Test
    void aDeletedUserLosesItsPermissions() {
        store.addUser("bob", "pw".toCharArray(), Set.of());
        store.setPermissions("bob", "/", ".*", ".*", ".*");

        store.deleteUser("bob");
        store.addUser("bob", "pw".toCharArray(), Set.of());

        assertThat(store.permissions("bob")).isEmpty();
    }

    @Test
    void aVerifiedPasswordIsNotHashedAgainOnTheNextLogin() {
        PasswordHasher counting = spy(new PasswordHasher(1_000));
        UserStore cached = new UserStore(counting);
        cached.addUser("bob", "pw".toCharArray(), Set.of());

        for (int i = 0; i < 5; i++) {
            assertThat(cached.passwordMatches(cached.user("bob").orElseThrow(), "pw".toCharArray())).isTrue();
        }

        verify(counting, times(1)).verify(any(), anyString());
    }

    @Test
    void wrongPasswordsAreNeverCached() {
        PasswordHasher counting = spy(new PasswordHasher(1_000));
        UserStore cached = new UserStore(counting);
        cached.addUser("bob", "pw".toCharArray(), Set.of());
        User bob = cached.user("bob").orElseThrow();

        for (int i = 0; i < 3; i++) {
            assertThat(cached.passwordMatches(bob, "guess".toCharArray())).isFalse();
        }

        verify(counting, times(3)).verify(any(), anyString());
    }

    @Test
    void aChangedPasswordInvalidatesTheCachedOne() {
        store.addUser("bob", "old".toCharArray(), Set.of());
        assertThat(store.passwordMatches(store.user("bob").orElseThrow(), "old".toCharArray())).isTrue();

        store.changePassword("bob", "new".toCharArray());

        User bob = store.user("bob").orElseThrow();
        assertThat(store.passwordMatches(bob, "old".toCharArray())).isFalse();
        assertThat(store.passwordMatches(bob, "new".toCharArray())).isTrue();
    }

    @Test
    void aPasswordHashMadeElsewhereReplacesThePasswordAndKeepsTagsAndPermissions() {
        store.addUser("bob", "old".toCharArray(), Set.of("management"));
        store.setPermissions("bob", "/", ".*", "", "");
        assertThat(store.passwordMatches(store.user("bob").orElseThrow(), "old".toCharArray())).isTrue();

        store.changePasswordHash("bob", new PasswordHasher(500).hash("new".toCharArray()));

        User bob = store.user("bob").orElseThrow();
        assertThat(store.passwordMatches(bob, "old".toCharArray())).isFalse();
        assertThat(store.passwordMatches(bob, "new".toCharArray())).isTrue();
        assertThat(bob.tags()).containsExactly("management");
        assertThat(store.permissions("bob")).containsOnlyKeys("/");
    }

    @Test
    void aMalformedReplacementHashIsRejectedAndTheOldPasswordStays() {
        store.addUser("bob", "old".toCharArray(), Set.of());

        assertThatThrownBy(() -> store.changePasswordHash("bob", "md5$abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password hash");

        assertThat(store.passwordMatches(store.user("bob").orElseThrow(), "old".toCharArray())).isTrue();
    }

    @Test
    void aRecreatedUserDoesNotInheritTheCachedPassword() {
        store.addUser("bob", "old".toCharArray(), Set.of());
        assertThat(store.passwordMatches(store.user("bob").orElseThrow(), "old".toCharArray())).isTrue();

        store.deleteUser("bob");
        store.addUser("bob", "new".toCharArray(), Set.of());

        assertThat(store.passwordMatches(store.user("bob").orElseThrow(), "old".toCharArray())).isFalse();
    }

    @Test
    void aUserPrintsWithoutItsPasswordHash() {
        User bob = store.addUser("bob", "pw".toCharArray(), Set.of());

        assertThat(bob.toString()).contains("bob").doesNotContain(bob.passwordHash());
    }
}
