package io.warren.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mockStatic;

import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void theRightPasswordVerifies() {
        String encoded = hasher.hash("s3cret".toCharArray());

        assertThat(hasher.verify("s3cret".toCharArray(), encoded)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotVerify() {
        String encoded = hasher.hash("s3cret".toCharArray());

        assertThat(hasher.verify("s3cret!".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify("".toCharArray(), encoded)).isFalse();
    }

    @Test
    void theEncodingNamesSchemeIterationsSaltAndHash() {
        String[] fields = hasher.hash("pw".toCharArray()).split("\\$");

        assertThat(fields).hasSize(4);
        assertThat(fields[0]).isEqualTo("pbkdf2-sha256");
        assertThat(fields[1]).isEqualTo("1000");
        assertThat(Base64.getDecoder().decode(fields[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(fields[3])).hasSize(32);
    }

    @Test
    void theDefaultIsTwoHundredTenThousandIterations() {
        assertThat(new PasswordHasher().iterations()).isEqualTo(210_000);
    }

    @Test
    void theSamePasswordHashedTwiceGetsDifferentSaltsAndHashes() {
        String first = hasher.hash("pw".toCharArray());
        String second = hasher.hash("pw".toCharArray());

        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(first.split("\\$")[3]).isNotEqualTo(second.split("\\$")[3]);
        assertThat(hasher.verify("pw".toCharArray(), second)).isTrue();
    }

    @Test
    void aHashVerifiesWithTheIterationCountItWasWrittenWith() {
        String encoded = new PasswordHasher(2_000).hash("pw".toCharArray());

        assertThat(hasher.verify("pw".toCharArray(), encoded)).isTrue();
    }

    @Test
    void aHashWithATamperedIterationCountNoLongerVerifies() {
        String encoded = hasher.hash("pw".toCharArray());

        assertThat(hasher.verify("pw".toCharArray(), encoded.replace("$1000$", "$1001$"))).isFalse();
    }

    @Test
    void aHashWithATamperedHashValueNoLongerVerifies() {
        String encoded = hasher.hash("pw".toCharArray());
        String[] fields = encoded.split("\\$");
        byte[] hash = Base64.getDecoder().decode(fields[3]);
        hash[hash.length - 1] ^= 1;
        String tampered = fields[0] + "$" + fields[1] + "$" + fields[2] + "$" + Base64.getEncoder().encodeToString(hash);

        assertThat(hasher.verify("pw".toCharArray(), tampered)).isFalse();
    }

    @Test
    void malformedEncodingsAreRejectedNamingTheProblemWithoutEchoingTheHash() {
        String encoded = hasher.hash("pw".toCharArray());
        String[] fields = encoded.split("\\$");
        String salt = fields[2];
        String hash = fields[3];

        assertMalformed("sha1$1000$" + salt + "$" + hash, "scheme", hash);
        assertMalformed("pbkdf2-sha256$many$" + salt + "$" + hash, "iteration count", hash);
        assertMalformed("pbkdf2-sha256$0$" + salt + "$" + hash, "iteration count", hash);
        assertMalformed("pbkdf2-sha256$1000$" + salt + "$" + hash + "!", "hash is not valid base64", hash);
        assertMalformed("pbkdf2-sha256$1000$" + salt + "!$" + hash, "salt is not valid base64", hash);
        assertMalformed("pbkdf2-sha256$1000$" + hash, "4 '$'-separated fields", hash);
        assertMalformed("pbkdf2-sha256$1000$$" + hash, "salt", hash);
        assertMalformed("pbkdf2-sha256$1000$" + salt + "$", "hash value", hash);
        assertThatThrownBy(() -> hasher.verify("pw".toCharArray(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }

    private void assertMalformed(String encoded, String problem, String hash) {
        assertThatThrownBy(() -> hasher.verify("pw".toCharArray(), encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .message().doesNotContain(hash);
    }

    @Test
    void verificationComparesWithTheConstantTimeMessageDigestIsEqual() {
        String encoded = hasher.hash("pw".toCharArray());

        try (MockedStatic<MessageDigest> digest = mockStatic(MessageDigest.class, Mockito.CALLS_REAL_METHODS)) {
            assertThat(hasher.verify("wrong".toCharArray(), encoded)).isFalse();

            digest.verify(() -> MessageDigest.isEqual(any(), any()));
        }
    }

    @Test
    void anAbsurdIterationCountIsRefused() {
        assertThatThrownBy(() -> new PasswordHasher(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
