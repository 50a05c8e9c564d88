package io.warren.server.management.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathSegmentsTest {

    @Test
    void anEncodedSlashStaysInsideItsSegment() {
        assertThat(PathSegments.decode("/api/vhosts/%2F")).containsExactly("api", "vhosts", "/");
        assertThat(PathSegments.decode("/api/permissions/a%2fb/bob"))
                .containsExactly("api", "permissions", "a/b", "bob");
    }

    @Test
    void aPlusStaysAPlusAndUtf8IsDecoded() {
        assertThat(PathSegments.decode("/api/users/a+b")).containsExactly("api", "users", "a+b");
        assertThat(PathSegments.decode("/api/users/J%C3%BCrgen")).containsExactly("api", "users", "Jürgen");
    }

    @Test
    void rawNonAsciiBytesAsNettyReadsThemAreUtf8() {
        // Netty turns each byte of the request line into one char.
        String latin1 = new String("/api/users/Jürgen".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(PathSegments.decode(latin1)).containsExactly("api", "users", "Jürgen");
    }

    @Test
    void theRootHasNoSegmentsAndOneTrailingSlashIsIgnored() {
        assertThat(PathSegments.decode("/")).isEmpty();
        assertThat(PathSegments.decode("/api/vhosts/")).containsExactly("api", "vhosts");
    }

    @Test
    void aBadEscapeIsABadRequestNamingTheSegment() {
        assertThatThrownBy(() -> PathSegments.decode("/api/vhosts/50%"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).contains("'50%'");
                });
        assertThatThrownBy(() -> PathSegments.decode("/api/vhosts/%FF"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).contains("UTF-8"));
    }
}
