package io.warren.server.management.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import io.warren.server.management.ManagementFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Logins decided without a network: the peer address is made up, so no traffic leaves the test. */
class BasicAuthenticationTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
    private static final InetSocketAddress REMOTE;

    static {
        try {
            REMOTE = new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 10}), 50000);
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final UserStore users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
    private final BasicAuthentication authentication = new BasicAuthentication(users);

    private static HttpHeaders credentials(String user, String password) {
        return new DefaultHttpHeaders().set("Authorization", ManagementFixture.basic(user, password));
    }

    private void assertUnauthorized(HttpHeaders headers, java.net.SocketAddress from, String reason) {
        assertThatThrownBy(() -> authentication.authenticate(headers, from))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"Warren Management\"");
                });
    }

    @Test
    void aLoopbackOnlyUserIsAdmittedFromLoopback() {
        assertThat(authentication.authenticate(credentials("guest", "guest"), LOCAL).name()).isEqualTo("guest");
    }

    @Test
    void aLoopbackOnlyUserIsRefusedFromAnotherMachine() {
        assertUnauthorized(credentials("guest", "guest"), REMOTE, "user 'guest' can only connect via localhost");
    }

    @Test
    void anOrdinaryUserIsAdmittedFromAnotherMachine() {
        users.addUser("ann", "pw".toCharArray(), Set.of(User.MONITORING));

        assertThat(authentication.authenticate(credentials("ann", "pw"), REMOTE).name()).isEqualTo("ann");
    }

    @Test
    void aPasswordMayContainColons() {
        users.addUser("ann", "a:b:c".toCharArray(), Set.of("policymaker"));

        assertThat(authentication.authenticate(credentials("ann", "a:b:c"), LOCAL).name()).isEqualTo("ann");
    }

    @Test
    void anEmptyPasswordIsRefusedWhateverTheStoredHash() {
        users.addUser("ann", new char[0], Set.of(User.MANAGEMENT));

        assertUnauthorized(credentials("ann", ""), LOCAL, "Login was refused");
    }

    @Test
    void aUserWithOnlyOtherTagsIsNotAManagementUser() {
        users.addUser("ann", "pw".toCharArray(), Set.of("impersonator"));

        assertUnauthorized(credentials("ann", "pw"), LOCAL, "not a management user");
    }

    @Test
    void credentialsWithoutAColonAreMalformed() {
        String noColon = Base64.getEncoder().encodeToString("guest".getBytes(StandardCharsets.UTF_8));
        HttpHeaders headers = new DefaultHttpHeaders().set("Authorization", "Basic " + noColon);

        assertUnauthorized(headers, LOCAL, "expected user:password");
    }
}
