package io.warren.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link UserStore#checkLogin}, the one login rule of every way into a broker, and the store a
 * {@link BrokerConfig} carries: the broker keeps the very object it was given, and none means an open broker.
 */
class LoginCheckTest {
    private final PasswordHasher hasher = spy(new PasswordHasher(1_000));
    private final UserStore store = new UserStore(hasher);

    @Test
    void theRightPasswordIsAcceptedWithTheUser() {
        store.addUser("alice", "s3cret".toCharArray(), Set.of("management"));

        LoginCheck check = store.checkLogin("alice", "s3cret".toCharArray());

        assertThat(check.accepted()).isTrue();
        assertThat(check.user().name()).isEqualTo("alice");
        assertThat(check.refusal()).isNull();
    }

    @Test
    void eachRefusalSaysWhyForTheLog() {
        store.addUser("alice", "s3cret".toCharArray(), Set.of());

        assertThat(store.checkLogin("alice", "guess".toCharArray()).refusal())
                .isEqualTo(LoginCheck.Refusal.WRONG_PASSWORD);
        assertThat(store.checkLogin("nobody", "guess".toCharArray()).refusal())
                .isEqualTo(LoginCheck.Refusal.NO_SUCH_USER);
        assertThat(store.checkLogin("alice", new char[0]).refusal()).isEqualTo(LoginCheck.Refusal.EMPTY_PASSWORD);
        assertThat(store.checkLogin("alice", "guess".toCharArray()).user()).isNull();
    }

    @Test
    void anUnknownUserCostsAHashRunLikeAWrongPassword() {
        store.checkLogin("nobody", "guess".toCharArray());

        verify(hasher, times(1)).verify(any(char[].class), anyString());
    }

    @Test
    void aPasswordThatPassedBeforeIsNotHashedAgainButAWrongOneAlwaysIs() {
        store.addUser("alice", "s3cret".toCharArray(), Set.of());
        for (int i = 0; i < 5; i++) {
            assertThat(store.checkLogin("alice", "s3cret".toCharArray()).accepted()).isTrue();
            assertThat(store.checkLogin("alice", "wrong".toCharArray()).accepted()).isFalse();
        }

        verify(hasher, times(1 + 5)).verify(any(char[].class), anyString());
    }

    @Test
    void aBrokerKeepsTheStoreItWasGivenAndHasNoneByDefault() {
        store.addUser("alice", "s3cret".toCharArray(), Set.of());
        BrokerConfig config = BrokerConfig.builder("login-check").jmx(false).users(store).build();

        assertThat(BrokerConfig.builder("open").build().users()).isNull();
        assertThat(config.toString()).contains("users=1").doesNotContain("s3cret", "pbkdf2");
        try (Broker broker = Broker.start(config)) {
            assertThat(broker.config().users()).isSameAs(store);
            store.addUser("bob", "hunter2".toCharArray(), Set.of());
            assertThat(broker.config().users().checkLogin("bob", "hunter2".toCharArray()).accepted()).isTrue();
        }
    }
}
