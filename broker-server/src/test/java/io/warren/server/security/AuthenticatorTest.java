package io.warren.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.local.LocalAddress;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final String REFUSED_PLAIN =
            "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.";

    private final UserStore store = UserStore.withDefaultGuest(new PasswordHasher(1_000));
    private final Authenticator authenticator = new Authenticator(store);

    @Test
    void guestMayLogInFromIpv4Loopback() throws Exception {
        User user = authenticator.authenticate("guest", "guest".toCharArray(), address(127, 0, 0, 1));

        assertThat(user.name()).isEqualTo("guest");
    }

    @Test
    void guestMayLogInFromAnyAddressInTheIpv4LoopbackNetwork() throws Exception {
        assertThat(authenticator.authenticate("guest", "guest".toCharArray(), address(127, 1, 2, 3))).isNotNull();
    }

    @Test
    void guestMayLogInFromIpv6Loopback() throws Exception {
        byte[] ipv6Loopback = new byte[16];
        ipv6Loopback[15] = 1;

        assertThat(authenticator.authenticate("guest", "guest".toCharArray(), address(ipv6Loopback))).isNotNull();
    }

    @Test
    void guestMayLogInOverAnInJvmChannel() throws Exception {
        assertThat(authenticator.authenticate("guest", "guest".toCharArray(), new LocalAddress("test"))).isNotNull();
    }

    @Test
    void guestIsRefusedFromAnotherMachineWithRabbitMqsText() {
        assertThatThrownBy(() -> authenticator.authenticate("guest", "guest".toCharArray(), address(10, 1, 2, 3)))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(403))
                .hasMessage("ACCESS_REFUSED - user 'guest' can only connect via localhost");
    }

    @Test
    void guestIsRefusedFromAnUnresolvedOrMissingAddress() {
        assertThatThrownBy(() -> authenticator.authenticate("guest", "guest".toCharArray(),
                InetSocketAddress.createUnresolved("localhost", 5672)))
                .hasMessageContaining("can only connect via localhost");
        assertThatThrownBy(() -> authenticator.authenticate("guest", "guest".toCharArray(), null))
                .hasMessageContaining("can only connect via localhost");
    }

    @Test
    void anOrdinaryUserMayLogInFromAnywhere() throws Exception {
        store.addUser("bob", "pw".toCharArray(), Set.of());

        assertThat(authenticator.authenticate("bob", "pw".toCharArray(), address(10, 1, 2, 3)).name())
                .isEqualTo("bob");
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameText() {
        Throwable unknown = catchRefusal("nobody", "guest");
        Throwable wrongPassword = catchRefusal("guest", "wrong");

        assertThat(unknown).hasMessage(REFUSED_PLAIN);
        assertThat(wrongPassword).hasMessage(REFUSED_PLAIN);
    }

    @Test
    void aWrongPasswordFromAnotherMachineDoesNotRevealTheLoopbackRestriction() {
        assertThat(catchRefusal("guest", "wrong", address(10, 1, 2, 3))).hasMessage(REFUSED_PLAIN);
    }

    @Test
    void anEmptyPasswordIsRefusedEvenIfItIsTheUsersPassword() {
        store.addUser("blank", new char[0], Set.of());

        assertThat(catchRefusal("blank", "")).hasMessage(REFUSED_PLAIN);
    }

    @Test
    void theRefusalNamesTheMechanismUsed() {
        assertThatThrownBy(() -> authenticator.authenticate("AMQPLAIN", "guest", "x".toCharArray(),
                address(127, 0, 0, 1)))
                .hasMessage("ACCESS_REFUSED - Login was refused using authentication mechanism AMQPLAIN. "
                        + "For details see the broker logfile.");
    }

    @Test
    void aSaslResponseIsParsedCheckedAndItsPasswordCleared() throws Exception {
        byte[] response = "\0guest\0guest".getBytes(StandardCharsets.UTF_8);

        User user = authenticator.authenticate(new PlainMechanism(), response, address(127, 0, 0, 1));

        assertThat(user.name()).isEqualTo("guest");
    }

    @Test
    void aMalformedSaslResponseIsRefusedWithTheMechanismsReason() {
        byte[] response = "guest".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> authenticator.authenticate(new PlainMechanism(), response, address(127, 0, 0, 1)))
                .hasMessageContaining("PLAIN response is malformed");
    }

    @Test
    void refusalsAreLoggedWithTheRealReasonButNeverThePassword() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            catchRefusal("guest", "hunter2");
            catchRefusal("nobody", "hunter3");
            catchRefusal("guest", "guest", address(10, 1, 2, 3));
        } finally {
            System.setErr(original);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARN").contains("wrong password").contains("no such user")
                .contains("only via localhost").doesNotContain("hunter2").doesNotContain("hunter3");
    }

    @Test
    void controlCharactersInLoggedNamesAreNeutralised() {
        assertThat(Authenticator.printable("evil\nWARN forged")).isEqualTo("evil?WARN forged");
        assertThat(Authenticator.printable("x".repeat(500))).hasSize(131);
    }

    private Throwable catchRefusal(String user, String password) {
        return catchRefusal(user, password, address(127, 0, 0, 1));
    }

    private Throwable catchRefusal(String user, String password, InetSocketAddress remote) {
        try {
            authenticator.authenticate(user, password.toCharArray(), remote);
        } catch (AuthenticationException e) {
            return e;
        }
        throw new AssertionError("login of " + user + " was not refused");
    }

    static InetSocketAddress address(int... octets) {
        byte[] bytes = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            bytes[i] = (byte) octets[i];
        }
        return address(bytes);
    }

    static InetSocketAddress address(byte[] bytes) {
        try {
            // getByAddress never consults DNS.
            return new InetSocketAddress(InetAddress.getByAddress(bytes), 50_000);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
