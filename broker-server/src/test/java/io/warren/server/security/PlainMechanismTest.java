package io.warren.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainMechanismTest {

    private final PlainMechanism plain = new PlainMechanism();

    @Test
    void isNamedPlain() {
        assertThat(plain.name()).isEqualTo("PLAIN");
    }

    @Test
    void readsUserAndPasswordWithoutAuthorisationIdentity() throws Exception {
        Credentials credentials = plain.parse(bytes("\0bob\0s3cret"));

        assertThat(credentials.username()).isEqualTo("bob");
        assertThat(credentials.password()).containsExactly("s3cret".toCharArray());
    }

    @Test
    void ignoresTheAuthorisationIdentity() throws Exception {
        Credentials credentials = plain.parse(bytes("admin\0bob\0s3cret"));

        assertThat(credentials.username()).isEqualTo("bob");
    }

    @Test
    void decodesUtf8InUserAndPassword() throws Exception {
        Credentials credentials = plain.parse(bytes("\0jürgen\0pässwörd€"));

        assertThat(credentials.username()).isEqualTo("jürgen");
        assertThat(new String(credentials.password())).isEqualTo("pässwörd€");
    }

    @Test
    void acceptsAnEmptyPasswordForTheAuthenticatorToRefuse() throws Exception {
        assertThat(plain.parse(bytes("\0bob\0")).password()).isEmpty();
    }

    @Test
    void refusesAResponseWithoutNulSeparators() {
        assertMalformed(bytes("bobs3cret"), "no NUL separator");
    }

    @Test
    void refusesAResponseWithOnlyOneNul() {
        assertMalformed(bytes("bob\0s3cret"), "only one NUL separator");
    }

    @Test
    void refusesAResponseWithMoreThanTwoNuls() {
        assertMalformed(bytes("\0bob\0s3\0cret"), "more than two NUL separators");
    }

    @Test
    void refusesAnEmptyUserName() {
        assertMalformed(bytes("\0\0s3cret"), "username is empty");
    }

    @Test
    void refusesAnEmptyResponse() {
        assertMalformed(new byte[0], "empty");
        assertMalformed(null, "empty");
    }

    @Test
    void refusesInvalidUtf8() {
        assertMalformed(new byte[] {0, 'b', (byte) 0xC3, 0, 'p'}, "username is not valid UTF-8");
        assertMalformed(new byte[] {0, 'b', 0, (byte) 0xFF}, "password is not valid UTF-8");
    }

    @Test
    void malformedResponseMessagesNeverContainThePassword() {
        assertThatThrownBy(() -> plain.parse(bytes("\0bob\0hunter2\0")))
                .isInstanceOf(AuthenticationException.class)
                .message().doesNotContain("hunter2");
    }

    @Test
    void clearingCredentialsZeroesThePassword() throws Exception {
        Credentials credentials = plain.parse(bytes("\0bob\0pw"));

        credentials.clear();

        assertThat(credentials.password()).containsExactly('\0', '\0');
        assertThat(credentials.toString()).doesNotContain("pw");
    }

    private void assertMalformed(byte[] response, String problem) {
        assertThatThrownBy(() -> plain.parse(response))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(403))
                .hasMessageStartingWith("ACCESS_REFUSED - PLAIN response is malformed: ")
                .hasMessageContaining(problem);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
